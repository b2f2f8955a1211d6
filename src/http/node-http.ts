// node:http on its own, for server.ts to load when a server starts: a dynamic import of a module of
// ours stays lazy in the bundle, where a dynamic import of node:http itself would not run at all
// (V8's code cache drops the callback Node needs for import() in a script, on Node 20).
export { createServer } from 'node:http';
