// Package pipeline runs conversions: the registry of readers and writers, the runner that
// drives one input through read → source transforms → per-language transforms → writers, the
// batch over many inputs, and the all-or-none commit of their outputs. The document model and
// the stage contracts it drives are in package model.
package pipeline
