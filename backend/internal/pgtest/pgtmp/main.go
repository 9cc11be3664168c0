// Command pgtmp starts and stops a throwaway PostgreSQL cluster for tests
// and for trying Circlebook on PostgreSQL (make test, make pg):
//
//	pgtmp start DIR          make a cluster in DIR, start it on a socket in DIR only, print its DSN
//	pgtmp dsn DIR            print the superuser DSN of the cluster in DIR
//	pgtmp createdb DIR NAME  make an empty database NAME in the cluster in DIR, print its DSN
//	pgtmp stop DIR           stop the cluster in DIR and remove DIR
package main

import (
	"fmt"
	"os"

	"circlebook/backend/internal/pgtest"
)

const usage = "usage: pgtmp start|dsn|stop DIR, or pgtmp createdb DIR NAME"

func main() {
	args := os.Args[1:]
	if len(args) < 2 {
		fail(2, usage)
	}
	cmd, dir := args[0], args[1]
	switch {
	case cmd == "start" && len(args) == 2:
		dsn, err := pgtest.Start(dir)
		check(err)
		fmt.Println(dsn)
	case cmd == "dsn" && len(args) == 2:
		fmt.Println(pgtest.DSN(dir))
	case cmd == "createdb" && len(args) == 3:
		dsn, err := pgtest.CreateDatabase(pgtest.DSN(dir), args[2])
		check(err)
		fmt.Println(dsn)
	case cmd == "stop" && len(args) == 2:
		check(pgtest.Stop(dir))
	default:
		fail(2, usage)
	}
}

func check(err error) {
	if err != nil {
		fail(1, "pgtmp: "+err.Error())
	}
}

func fail(code int, msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(code)
}
