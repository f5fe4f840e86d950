package model

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/scribe-un/scribe/locales"
)

// Sentinel errors that callers branch on with errors.Is. Each reader or writer wraps one of
// them in an *Error that carries the stage and position.
var (
	ErrEmpty       = errors.New("no text in input")
	ErrBinary      = errors.New("binary data, not text")
	ErrEncoding    = errors.New("text is not valid in any supported encoding")
	ErrTooLarge    = errors.New("input exceeds a size limit")
	ErrTooDeep     = errors.New("input nests deeper than the limit")
	ErrMalformed   = errors.New("malformed input")
	ErrLanguage    = locales.ErrUnsupported
	ErrFont        = errors.New("font problem")
	ErrNoGlyph     = errors.New("no font covers a character")
	ErrTranslation = errors.New("translation file does not match")
	ErrUnsafePath  = errors.New("unsafe output path")
	ErrStrict      = errors.New("warnings treated as errors")
	ErrNotNotes    = errors.New("not notes")
)

// Error is a failure of one stage on one input, with the position it concerns. Its message
// reads "stage: file:line: text", the style of text/template.
type Error struct {
	Stage string // "notes", "docx", "pdf", "xliff", …
	Pos   Pos
	Err   error
	// Setting, when set, is the option that would change the outcome (the limit passed, the
	// output languages). The message does not name it: a command line names its flag, a
	// server its field.
	Setting Setting
}

// Setting names an option of a conversion that an error points to.
type Setting string

// Settings that errors point to.
const (
	SettingMaxInputBytes    Setting = "MaxInputBytes"
	SettingMaxInflatedBytes Setting = "MaxInflatedBytes"
	SettingMaxDepth         Setting = "MaxDepth"
	SettingMaxBlocks        Setting = "MaxBlocks"
	SettingMaxMemory        Setting = "MaxMemory"
	SettingFormats          Setting = "Formats"
	SettingLangs            Setting = "Langs"
	SettingStrict           Setting = "Strict"
)

// SettingOf returns the setting err points to: the first *Error's Setting, or Strict for a
// warning turned into an error; "" when there is none.
func SettingOf(err error) Setting {
	var e *Error
	for cur := err; errors.As(cur, &e); cur = e.Err {
		if e.Setting != "" {
			return e.Setting
		}
	}
	if errors.Is(err, ErrStrict) {
		return SettingStrict
	}
	return ""
}

// WithSetting sets the setting an *Error points to and returns it.
func (e *Error) WithSetting(s Setting) *Error { e.Setting = s; return e }

func (e *Error) Error() string {
	loc := e.Pos.String()
	switch {
	case e.Stage != "" && loc != "":
		return fmt.Sprintf("%s: %s: %v", e.Stage, loc, e.Err)
	case e.Stage != "":
		return fmt.Sprintf("%s: %v", e.Stage, e.Err)
	case loc != "":
		return fmt.Sprintf("%s: %v", loc, e.Err)
	}
	return e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error whose Err wraps sentinel (may be nil) with a formatted detail:
// Errorf("notes", pos, ErrBinary, "NUL byte at offset %d", n).
func Errorf(stage string, pos Pos, sentinel error, format string, args ...any) *Error {
	detail := fmt.Sprintf(format, args...)
	var err error
	switch {
	case sentinel == nil:
		err = errors.New(detail)
	case detail == "":
		err = sentinel
	default:
		err = fmt.Errorf("%w: %s", sentinel, detail)
	}
	return &Error{Stage: stage, Pos: pos, Err: err}
}

// PanicError is a panic recovered at an entry point (a runner's job, a command): a bug in
// scribe or a dependency, not bad input. Stack is where it happened, for --verbose.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("internal error: %v", e.Value) }

// Recover, deferred at an entry point, turns a panic into a *PanicError in *err. Entry
// points are the only places that recover: a panic anywhere below reaches one of them
// with its stack.
func Recover(err *error) {
	if p := recover(); p != nil {
		*err = &PanicError{Value: p, Stack: debug.Stack()}
	}
}

// Diagnostic is a warning: something was guessed, dropped or left untranslated, but the
// output is still produced (unless --strict turns warnings into errors).
type Diagnostic struct {
	Stage   string `json:"stage"`
	Pos     Pos    `json:"pos"`
	Message string `json:"message"`
}

func (d Diagnostic) String() string {
	if loc := d.Pos.String(); loc != "" {
		return fmt.Sprintf("%s: %s: %s", d.Stage, loc, d.Message)
	}
	return fmt.Sprintf("%s: %s", d.Stage, d.Message)
}

// Warnings collects the diagnostics of one conversion. The zero value is ready to use and
// safe for concurrent use, so writers of several languages may report into one.
type Warnings struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Warn records a diagnostic. A nil *Warnings discards it.
func (w *Warnings) Warn(stage string, pos Pos, format string, args ...any) {
	if w == nil {
		return
	}
	w.mu.Lock()
	w.items = append(w.items, Diagnostic{Stage: stage, Pos: pos, Message: fmt.Sprintf(format, args...)})
	w.mu.Unlock()
}

// List returns a copy of the diagnostics in the order they were reported.
func (w *Warnings) List() []Diagnostic {
	if w == nil {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]Diagnostic(nil), w.items...)
}

// Len is the number of diagnostics recorded.
func (w *Warnings) Len() int {
	if w == nil {
		return 0
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.items)
}
