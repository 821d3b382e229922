// Package examples holds runnable spinwise programs, one per folder, each
// with a README: see the folders below this one.
package examples
