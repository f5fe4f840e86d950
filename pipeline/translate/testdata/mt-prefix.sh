#!/bin/sh
# A toy machine-translation engine for tests: reads scribe's JSON lines
# {"id":…,"source":…,"srcLang":…,"tgtLang":…} and answers {"id":…,"target":"[MT] <source>"}.
exec sed -E 's/^\{"id":("[^"]*"),"source":"(([^"\\]|\\.)*)".*$/{"id":\1,"target":"[MT] \2"}/'
