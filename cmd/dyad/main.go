// Command dyad codes news into event data. See `dyad --help` and README.md.
package main

import (
	"os"

	"github.com/dyadhq/dyad/internal/cli"
)

func main() { os.Exit(cli.Execute()) }
