package bitrix24

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/spinwise/spinwise/campaign"
)

// Bounds of a template directory.
const (
	// DefaultMaxTemplateSize is the default cap of one template file, in
	// bytes. A file over the cap is not loaded.
	DefaultMaxTemplateSize = 64 << 10
	// MaxTemplates is the most templates a directory may offer: they are
	// the options of the robot's "template" list.
	MaxTemplates = 200
	// maxNameBytes caps a template's name (its file name without .txt).
	maxNameBytes = 100
)

// Templates is a directory of message templates, one file NAME.txt each,
// parsed once (with package campaign) and kept parsed. Reload parses only
// the files that changed since the last load, without any lock the
// readers take: a robot call reads the current set with one atomic load
// and never waits for a parse. It is safe for concurrent use.
type Templates struct {
	dir     string
	opts    campaign.Options
	maxSize int64

	reload sync.Mutex // serializes Reload; readers never take it
	cur    atomic.Pointer[templateSet]
}

type templateSet struct {
	byName map[string]*templateFile
	names  []string // loaded without error, sorted
}

type templateFile struct {
	name    string
	size    int64
	modTime time.Time
	c       *campaign.Campaign
	err     error
}

// TemplateOptions configures LoadTemplates. The zero value works.
type TemplateOptions struct {
	// Campaign configures every template's campaign; ByKey and NoAnalysis
	// are forced on (a robot sends one message at a time, and the same
	// document must always get the same wording).
	Campaign campaign.Options
	// MaxSize caps a template file, in bytes; 0 means
	// DefaultMaxTemplateSize.
	MaxSize int64
}

// LoadTemplates reads the templates in dir. A file that cannot be read or
// parsed is left out and named in the returned error; the Templates are
// returned all the same, with the others. Only a directory that cannot be
// listed is a nil *Templates.
func LoadTemplates(dir string, opts *TemplateOptions) (*Templates, error) {
	t := &Templates{dir: dir, maxSize: DefaultMaxTemplateSize}
	if opts != nil {
		t.opts = opts.Campaign
		if opts.MaxSize > 0 {
			t.maxSize = opts.MaxSize
		}
	}
	t.opts.ByKey = true
	t.opts.NoAnalysis = true
	t.opts.Progress = nil
	t.cur.Store(&templateSet{byName: map[string]*templateFile{}})
	if _, err := t.Reload(); err != nil {
		var le *LoadError
		if !errors.As(err, &le) {
			return nil, err
		}
		return t, err
	}
	return t, nil
}

// LoadError lists the template files that were left out, each with its
// reason.
type LoadError struct {
	Files map[string]error // by file name
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString("bitrix24: templates left out:")
	for _, name := range sortedKeys(e.Files) {
		fmt.Fprintf(&b, "\n\t%s: %v", name, e.Files[name])
	}
	return b.String()
}

// Reload lists the directory again and parses the files that are new or
// changed (by size and modification time); it reports whether the set of
// names changed, so that the robots can be registered again with the new
// list. Calls in flight keep the set they started with.
func (t *Templates) Reload() (changed bool, err error) {
	t.reload.Lock()
	defer t.reload.Unlock()
	entries, err := os.ReadDir(t.dir)
	if err != nil {
		return false, fmt.Errorf("bitrix24: templates: %w", err)
	}
	old := t.cur.Load()
	next := &templateSet{byName: map[string]*templateFile{}}
	bad := map[string]error{}
	for _, e := range entries {
		fname := e.Name()
		name, ok := strings.CutSuffix(fname, ".txt")
		if !ok || e.IsDir() || strings.HasPrefix(fname, ".") {
			continue
		}
		if msg := checkName(name); msg != "" {
			bad[fname] = errors.New(msg)
			continue
		}
		info, err := e.Info()
		if err != nil {
			bad[fname] = err
			continue
		}
		if prev := old.byName[name]; prev != nil && prev.size == info.Size() && prev.modTime.Equal(info.ModTime()) {
			next.byName[name] = prev
		} else {
			next.byName[name] = t.parse(name, filepath.Join(t.dir, fname), info)
		}
		if f := next.byName[name]; f.err != nil {
			bad[fname] = f.err
			continue
		}
		if len(next.names) == MaxTemplates {
			bad[fname] = fmt.Errorf("more than %d templates; this one is left out", MaxTemplates)
			delete(next.byName, name)
			continue
		}
		next.names = append(next.names, name)
	}
	slices.Sort(next.names)
	t.cur.Store(next)
	changed = !slices.Equal(old.names, next.names)
	if !changed {
		for _, n := range next.names {
			if old.byName[n] != next.byName[n] {
				changed = true // fields may differ: the robot's properties too
				break
			}
		}
	}
	if len(bad) > 0 {
		return changed, &LoadError{Files: bad}
	}
	return changed, nil
}

func checkName(name string) string {
	switch {
	case name == "":
		return "the template's name (the file name before .txt) is empty"
	case len(name) > maxNameBytes:
		return fmt.Sprintf("the name is over %d bytes", maxNameBytes)
	case !utf8.ValidString(name):
		return "the name is not valid UTF-8"
	}
	return ""
}

func (t *Templates) parse(name, path string, info os.FileInfo) *templateFile {
	f := &templateFile{name: name, size: info.Size(), modTime: info.ModTime()}
	if info.Size() > t.maxSize {
		f.err = fmt.Errorf("%d bytes, over the cap of %d", info.Size(), t.maxSize)
		return f
	}
	fh, err := os.Open(path)
	if err != nil {
		f.err = err
		return f
	}
	defer fh.Close()
	src, err := io.ReadAll(io.LimitReader(fh, t.maxSize+1))
	if err != nil {
		f.err = err
		return f
	}
	if int64(len(src)) > t.maxSize {
		f.err = fmt.Errorf("over the cap of %d bytes", t.maxSize)
		return f
	}
	if !utf8.Valid(src) {
		f.err = errors.New("not valid UTF-8; save the file as UTF-8")
		return f
	}
	s := strings.TrimPrefix(string(src), "\uFEFF")
	s = strings.TrimRight(s, "\r\n")
	f.c, f.err = campaign.New(s, &t.opts)
	return f
}

// Names returns the names of the templates that loaded, sorted.
func (t *Templates) Names() []string { return slices.Clone(t.cur.Load().names) }

// Campaign returns the parsed template with this name, or nil.
func (t *Templates) Campaign(name string) *campaign.Campaign {
	f := t.cur.Load().byName[name]
	if f == nil || f.err != nil {
		return nil
	}
	return f.c
}

// Fields returns the data keys the templates read, sorted, each once.
func (t *Templates) Fields() []string {
	set := t.cur.Load()
	var out []string
	for _, n := range set.names {
		out = append(out, set.byName[n].c.Template().Fields()...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Watch calls Reload every interval until ctx is done, and onChange (when
// not nil) after a reload that changed the set of templates, with the
// reload's error.
func (t *Templates) Watch(ctx context.Context, interval time.Duration, onChange func(err error)) {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			changed, err := t.Reload()
			if changed && onChange != nil {
				onChange(err)
			}
		}
	}
}
