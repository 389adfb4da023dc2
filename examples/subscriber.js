#!/usr/bin/env node
// A sitrep subscriber in plain Node.js (>= 18), no npm packages: a ~100-line RESP2
// client over `net`/`tls` that XREADs the public events stream and prints one JSON
// event per line. Each entry's field `payload` is the Event as plain JSON (see
// docs/asyncapi.json and schemas/event.v1.schema.json).
//
//   REDIS_URL=redis://localhost:6379/0 node examples/subscriber.js            # all, then exit
//   node examples/subscriber.js --follow --since 1712345678901-0                # keep reading
//
// Options: --since ID (entries after ID; default 0 = from the start), --follow,
// --prefix P (default $STREAM_PREFIX or "sitrep"), --ids (prefix each line with the entry id).
'use strict';
const net = require('net');
const tls = require('tls');

function parseArgs(argv) {
  const opts = { since: '0', follow: false, ids: false, prefix: process.env.STREAM_PREFIX || 'sitrep' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--follow' || a === '-f') opts.follow = true;
    else if (a === '--ids') opts.ids = true;
    else if (a === '--since') opts.since = argv[++i];
    else if (a === '--prefix') opts.prefix = argv[++i];
    else { console.error(`unknown argument ${a}`); process.exit(2); }
  }
  return opts;
}

// Minimal RESP2 connection: send commands as arrays of bulk strings, parse replies.
class Resp {
  constructor(url) {
    this.url = new URL(url);
    this.buf = Buffer.alloc(0);
    this.waiting = [];
  }
  connect() {
    const port = Number(this.url.port || 6379);
    const host = this.url.hostname || 'localhost';
    return new Promise((resolve, reject) => {
      const onConnect = () => resolve();
      this.sock = this.url.protocol === 'rediss:'
        ? tls.connect({ host, port, servername: host }, onConnect)
        : net.createConnection({ host, port }, onConnect);
      this.sock.on('data', (d) => { this.buf = Buffer.concat([this.buf, d]); this.drain(); });
      this.sock.on('error', (e) => { reject(e); this.waiting.splice(0).forEach((w) => w.reject(e)); });
    });
  }
  async init() {
    await this.connect();
    const user = decodeURIComponent(this.url.username || '');
    const pass = decodeURIComponent(this.url.password || '');
    if (pass) await this.call(...(user ? ['AUTH', user, pass] : ['AUTH', pass]));
    const db = (this.url.pathname || '/').slice(1);
    if (db && db !== '0') await this.call('SELECT', db);
  }
  call(...args) {
    const parts = [`*${args.length}\r\n`];
    for (const a of args) { const b = Buffer.from(String(a)); parts.push(`$${b.length}\r\n`, b, '\r\n'); }
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.sock.write(Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p)))));
    });
  }
  drain() {
    while (this.waiting.length) {
      const r = parseReply(this.buf, 0);
      if (r === null) return; // incomplete: wait for more bytes
      this.buf = this.buf.subarray(r.next);
      const w = this.waiting.shift();
      if (r.value instanceof Error) w.reject(r.value); else w.resolve(r.value);
    }
  }
  close() { this.sock.end(); }
}

// Parse one reply at `pos`; returns {value, next} or null if the buffer is incomplete.
function parseReply(buf, pos) {
  const eol = buf.indexOf('\r\n', pos);
  if (eol < 0) return null;
  const type = String.fromCharCode(buf[pos]);
  const line = buf.toString('utf8', pos + 1, eol);
  const next = eol + 2;
  if (type === '+') return { value: line, next };
  if (type === '-') return { value: new Error(line), next };
  if (type === ':') return { value: Number(line), next };
  if (type === '$') {
    const n = Number(line);
    if (n < 0) return { value: null, next };
    if (buf.length < next + n + 2) return null;
    return { value: buf.toString('utf8', next, next + n), next: next + n + 2 };
  }
  if (type === '*') {
    const n = Number(line);
    if (n < 0) return { value: null, next };
    const items = [];
    let at = next;
    for (let i = 0; i < n; i++) {
      const r = parseReply(buf, at);
      if (r === null) return null;
      items.push(r.value);
      at = r.next;
    }
    return { value: items, next: at };
  }
  return { value: new Error(`unexpected RESP type ${type}`), next };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const stream = `${opts.prefix}:events`;
  const client = new Resp(process.env.REDIS_URL || 'redis://localhost:6379/0');
  await client.init();
  let last = opts.since;
  for (;;) {
    const args = ['XREAD', 'COUNT', '500'];
    if (opts.follow) args.push('BLOCK', '5000');
    const reply = await client.call(...args, 'STREAMS', stream, last);
    if (reply === null) { if (opts.follow) continue; break; }
    for (const [, entries] of reply) {
      for (const [id, fields] of entries) {
        last = id;
        let i = -1;
        for (let k = 0; k < fields.length; k += 2) if (fields[k] === 'payload') { i = k; break; }
        if (i < 0) { console.error(`entry ${id}: no payload field`); continue; }
        const event = JSON.parse(fields[i + 1]); // validate it is JSON before passing it on
        process.stdout.write((opts.ids ? `${id}\t` : '') + JSON.stringify(event) + '\n');
      }
    }
  }
  client.close();
}

main().catch((e) => { console.error(`error: ${e.message}`); process.exit(1); });
