package main

// Windows has no IANA zone database; embed Go's so circle time zones resolve.
import _ "time/tzdata"
