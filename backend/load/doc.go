// Package load holds the many-clients test and benchmark of the program
// database: ten clients, each with its own store (its own connections, as
// ten processes would have), open pages, mark attendance and save notes on
// one PostgreSQL database at once, and nothing they were told was saved
// may be missing afterwards. It has no code the app runs.
//
//	make bench-clients        # 60 s of ten clients against one, on PostgreSQL
package load
