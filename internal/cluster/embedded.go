package cluster

import (
	"fmt"
	"net"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// DefaultMaxPayload is the largest message the embedded server accepts:
// room for a document at the readers' default limit (8 MB) and its metadata.
const DefaultMaxPayload = 9 << 20

// Embedded is a NATS server with JetStream running in this process: the
// single-machine mode, and the server of the tests.
type Embedded struct {
	*server.Server
	opts *server.Options
}

// EmbeddedOptions configure StartEmbedded.
type EmbeddedOptions struct {
	Host     string // default 127.0.0.1
	Port     int    // 0: a free port
	StoreDir string // JetStream files (required: messages survive a restart)
	// MaxPayload caps a message (0: DefaultMaxPayload).
	MaxPayload int32
	// Logs sends the server's own log to standard error.
	Logs bool
}

// StartEmbedded starts a NATS server with JetStream and waits until it
// accepts connections.
func StartEmbedded(o EmbeddedOptions) (*Embedded, error) {
	if o.StoreDir == "" {
		return nil, fmt.Errorf("nats: a JetStream store directory is required")
	}
	if o.Host == "" {
		o.Host = "127.0.0.1"
	}
	if o.Port == 0 {
		o.Port = server.RANDOM_PORT
	}
	if o.MaxPayload <= 0 {
		o.MaxPayload = DefaultMaxPayload
	}
	opts := &server.Options{
		ServerName: "dyad-embedded",
		Host:       o.Host,
		Port:       o.Port,
		JetStream:  true,
		StoreDir:   o.StoreDir,
		MaxPayload: o.MaxPayload,
		// Above the payload, so a full-size document is not refused for
		// its protocol line.
		MaxPending: int64(o.MaxPayload) * 8,
		NoSigs:     true,
		NoLog:      !o.Logs,
	}
	s, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("nats: %w", err)
	}
	if o.Logs {
		s.ConfigureLogger()
	}
	s.Start()
	if !s.ReadyForConnections(30 * time.Second) {
		s.Shutdown()
		return nil, fmt.Errorf("nats: the embedded server did not start on %s:%d", o.Host, o.Port)
	}
	// Keep the port for a restart on the same address.
	if a, ok := s.Addr().(*net.TCPAddr); ok {
		opts.Port = a.Port
	}
	return &Embedded{Server: s, opts: opts}, nil
}

// URL is the address clients connect to.
func (e *Embedded) URL() string { return e.ClientURL() }

// Stop shuts the server down and waits until it has.
func (e *Embedded) Stop() {
	e.Shutdown()
	e.WaitForShutdown()
}

// Restart stops the server and starts it again on the same address and
// store (for fault tests and rolling restarts).
func (e *Embedded) Restart() error {
	e.Stop()
	s, err := server.NewServer(e.opts)
	if err != nil {
		return fmt.Errorf("nats: %w", err)
	}
	s.Start()
	if !s.ReadyForConnections(30 * time.Second) {
		s.Shutdown()
		return fmt.Errorf("nats: the embedded server did not restart")
	}
	e.Server = s
	return nil
}
