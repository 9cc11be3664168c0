// Package durability holds Circlebook's crash tests: a note saver killed with
// SIGKILL at random moments and a store whose disk fills up. It has no code of
// its own; everything lives in its tests, which drive the real store and
// services.
package durability
