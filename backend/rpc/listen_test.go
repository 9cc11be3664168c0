package rpc_test

import (
	"net"
	"testing"

	"circlebook/backend/rpc"
)

func TestListenRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", "192.168.1.1:0", ":0", "[::]:0", "example.com:0", "10.0.0.1:8080", "127.0.0.1"} {
		l, err := rpc.Listen(addr)
		if err == nil {
			l.Close()
			t.Errorf("Listen(%q) accepted a non-loopback address", addr)
		}
	}
}

func TestListenAcceptsLoopback(t *testing.T) {
	addrs := []string{"127.0.0.1:0", "localhost:0"}
	if l, err := net.Listen("tcp", "[::1]:0"); err == nil {
		l.Close()
		addrs = append(addrs, "[::1]:0")
	} else {
		t.Logf("no IPv6 loopback here (%v): skipping [::1]:0", err)
	}
	for _, addr := range addrs {
		l, err := rpc.Listen(addr)
		if err != nil {
			t.Errorf("Listen(%q): %v", addr, err)
			continue
		}
		ip := l.Addr().(*net.TCPAddr).IP
		if !ip.IsLoopback() {
			t.Errorf("Listen(%q) is on %v, not loopback", addr, l.Addr())
		}
		l.Close()
	}
}
