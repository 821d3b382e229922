package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// outputFile is an output named by a flag. A regular file (or a name not
// yet taken) is written to a temporary file in the same folder, renamed
// over the name only by commit: a failed or interrupted run leaves the
// user's file as it was, never a half-written one. Anything else (a
// device such as /dev/null, a pipe) is written directly.
type outputFile struct {
	*os.File
	name string // where commit puts it; "" when written directly
}

// createOutput opens the output for name.
func createOutput(name string) (*outputFile, error) {
	target := resolveLinks(name) // a link keeps pointing at the file it names
	perm := os.FileMode(0o644)
	if st, err := os.Stat(target); err == nil {
		if st.IsDir() {
			return nil, fmt.Errorf("%s is a directory", name)
		}
		if !st.Mode().IsRegular() {
			f, err := os.OpenFile(target, os.O_WRONLY, 0)
			if err != nil {
				return nil, err
			}
			return &outputFile{File: f}, nil
		}
		// Replacing the file must not get round its permissions: a file
		// the user may not write stays as it is, as with "> file".
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("cannot write %s: %w", name, unwrapPath(err))
		}
		f.Close()
		perm = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", name, unwrapPath(err))
	}
	if err := f.Chmod(perm); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &outputFile{File: f, name: target}, nil
}

// resolveLinks follows symbolic links from name to the file they name,
// which need not exist yet.
func resolveLinks(name string) string {
	for range 40 { // as the kernel's own bound
		st, err := os.Lstat(name)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			return name
		}
		dest, err := os.Readlink(name)
		if err != nil {
			return name
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(name), dest)
		}
		name = dest
	}
	return name
}

// unwrapPath drops the temporary file's name from an error about it.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// commit makes the output final: closes it and renames the temporary
// file over the name.
func (o *outputFile) commit() error {
	if err := o.File.Close(); err != nil {
		o.abort()
		return err
	}
	if o.name == "" {
		return nil
	}
	if err := os.Rename(o.File.Name(), o.name); err != nil {
		os.Remove(o.File.Name())
		return err
	}
	o.name = ""
	return nil
}

// abort drops the output: the temporary file goes, the name is untouched.
// It is safe after commit (then it does nothing).
func (o *outputFile) abort() {
	if o == nil {
		return
	}
	o.File.Close()
	if o.name != "" {
		os.Remove(o.File.Name())
		o.name = ""
	}
}

// writeFileAtomic writes b to name through createOutput.
func writeFileAtomic(name string, b []byte) error {
	o, err := createOutput(name)
	if err != nil {
		return err
	}
	if _, err := o.Write(b); err != nil {
		o.abort()
		return err
	}
	return o.commit()
}

// errWriter remembers the first error of the writes to w and drops the
// writes after it, so a command prints freely and checks once at the end
// (a full disk, a closed pipe, /dev/full).
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, err
}

// writeDone returns the exit code of a command that has printed its result
// through ew: code, or exitUsage with a message when a write failed (and
// the command did not fail for it already).
func (c *cli) writeDone(ew *errWriter, cmd string, code int) int {
	if ew.err != nil && code != exitUsage {
		return c.errorf(exitUsage, cmd, "writing the output: %v", ew.err)
	}
	return code
}

// checkWritable tells before a run whether name can be written by
// createOutput: not a folder, in a folder that exists, and writable when it
// is there. A report that cannot be written would otherwise fail the run at
// its end, after all the work.
func checkWritable(name string) error {
	target := resolveLinks(name)
	st, err := os.Stat(target)
	switch {
	case err == nil && st.IsDir():
		return fmt.Errorf("%s is a directory", name)
	case err == nil:
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", name, unwrapPath(err))
		}
		return f.Close()
	}
	dir, err := os.Stat(filepath.Dir(target))
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", name, unwrapPath(err))
	}
	if !dir.IsDir() {
		return fmt.Errorf("cannot write %s: %s is not a directory", name, filepath.Dir(target))
	}
	return nil
}
