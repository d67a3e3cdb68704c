# The project's commands. Each is a script under scripts/ that anyone can run.
PORT ?= 8080

.PHONY: build demo test bench bench-card bench-studio
build:
	scripts/build.sh

demo: build
	PORT=$(PORT) node scripts/serve.mjs

test:
	scripts/test.sh

bench:
	scripts/bench.sh

bench-card: build
	node scripts/bench-card.mjs

bench-studio: build
	node scripts/bench-studio.mjs
