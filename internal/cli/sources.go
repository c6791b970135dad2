package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/reader"
)

// sourceFlags are the flags of the commands that read many sources and
// store or queue them (ingest, submit): how to read, what to do with bad
// documents, and how to fetch URLs.
type sourceFlags struct {
	date         string
	skipBad      bool
	maxBytes     int
	fetchTimeout time.Duration
	fetchMax     int64
}

func (sf *sourceFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&sf.date, "date", "", "publication date YYYY-MM-DD for documents that carry none")
	f.BoolVar(&sf.skipBad, "skip-bad", false, "report bad documents on stderr and go on instead of stopping")
	f.IntVar(&sf.maxBytes, "max-bytes", reader.DefaultMaxBytes, "largest document accepted, in bytes")
	f.DurationVar(&sf.fetchTimeout, "fetch-timeout", 30*time.Second, "time limit for fetching one URL")
	f.Int64Var(&sf.fetchMax, "fetch-max-bytes", 32<<20, "largest response accepted from a URL, in bytes")
}

// sources are the command's arguments ready to walk: URLs fetched to files,
// reader options whose OnBad names a fetched file by its URL and, with
// --skip-bad, reports the document on stderr and counts it instead of
// stopping.
type sources struct {
	paths   []string
	opts    reader.Options
	bad     int
	cleanup func() // removes fetched files; always safe to call
	skip    bool
	stderr  io.Writer
}

// onBad is what happens to a bad document: the error back (stop), or a
// line on stderr and a count with --skip-bad.
func (s *sources) onBad(err error) error {
	if !s.skip {
		return err
	}
	s.bad++
	fmt.Fprintln(s.stderr, "dyad: skipped:", err)
	return nil
}

// open fetches the URLs among args and sets up the reader options. The
// returned sources' cleanup is set even when open fails.
func (sf *sourceFlags) open(cmd *cobra.Command, args []string) (*sources, error) {
	s := &sources{cleanup: func() {}, skip: sf.skipBad, stderr: cmd.ErrOrStderr()}
	opts, err := readerOptions(cmd, sf.maxBytes, sf.date)
	if err != nil {
		return s, err
	}
	paths, names, cleanup, err := fetchURLs(cmd.Context(), args, sf.fetchTimeout, sf.fetchMax)
	s.cleanup = cleanup
	if err != nil {
		return s, &ExitError{Code: 1, Err: err}
	}
	opts.OnBad = func(e *reader.Error) error {
		if u, ok := names[e.File]; ok {
			e.File = u
		}
		return s.onBad(e)
	}
	s.paths, s.opts = paths, opts
	return s, nil
}

// fetchURLs downloads the http(s) sources into a temporary folder and
// returns the sources with URLs replaced by the downloaded files, a map from
// those files back to their URLs (for messages), and a cleanup function.
func fetchURLs(ctx context.Context, args []string, timeout time.Duration, maxBytes int64) ([]string, map[string]string, func(), error) {
	names := map[string]string{}
	out := make([]string, len(args))
	dir := ""
	cleanup := func() {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	client := &http.Client{Timeout: timeout}
	for i, a := range args {
		if !strings.HasPrefix(a, "http://") && !strings.HasPrefix(a, "https://") {
			out[i] = a
			continue
		}
		if dir == "" {
			d, err := os.MkdirTemp("", "dyad-fetch-")
			if err != nil {
				return nil, nil, cleanup, err
			}
			dir = d
		}
		path, err := fetch(ctx, client, a, filepath.Join(dir, fmt.Sprintf("url%03d", i)), maxBytes)
		if err != nil {
			return nil, nil, cleanup, err
		}
		out[i] = path
		names[path] = a
	}
	return out, names, cleanup, nil
}

// fetch saves the body of url at path plus an extension that tells the
// reader the format when the server says it (other content is sniffed),
// and returns the file's path.
func fetch(ctx context.Context, client *http.Client, url, path string, maxBytes int64) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", fmt.Errorf("%s: %w", url, err)
	}
	req.Header.Set("User-Agent", "dyad/1 (+https://github.com/dyadhq/dyad)")
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html, application/json, text/plain;q=0.8, */*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("fetching %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("fetching %s: %s", url, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		return "", fmt.Errorf("fetching %s: %w", url, err)
	}
	if int64(len(body)) > maxBytes {
		return "", fmt.Errorf("fetching %s: response larger than --fetch-max-bytes (%d)", url, maxBytes)
	}
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	switch {
	case strings.Contains(ct, "rss"), strings.Contains(ct, "atom"):
		path += ".rss"
	case strings.Contains(ct, "json"):
		path += ".json"
	case strings.Contains(ct, "html"):
		path += ".html"
	case strings.HasPrefix(ct, "text/plain"):
		path += ".txt"
	}
	return path, os.WriteFile(path, body, 0o600)
}
