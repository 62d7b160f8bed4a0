#!/usr/bin/env node
// Entry point of `npx besttrav` and `npm start`: the sources are TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
