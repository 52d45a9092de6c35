#!/usr/bin/env node
// Runs the TypeScript command line directly: tsx compiles it on load, so a fresh clone needs no
// build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
