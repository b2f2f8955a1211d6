#!/usr/bin/env node
// The `relief-bot` command: runs the TypeScript sources directly through tsx, so there is no build step
// between `npm ci` and `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');
