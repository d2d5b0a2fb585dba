import v8 from 'node:v8';

/**
 * V8 settings the server runs with, set before anything else is loaded (main.ts imports this
 * module first; the risk benchmark does too, so it measures what the server runs).
 *
 * Allocation-site pretenuring is off. The risk detector reads every chat message through wink-nlp,
 * whose per-document arrays V8 decides to allocate straight into the old generation ("pretenure")
 * once a few of them have been seen alive at a young-generation collection. Each of those arrays
 * then dies in the old generation, where only a full collection frees it, and until then keeps
 * every young object it points to alive: about 0.2–1 MB was copied and promoted at every young
 * collection, which made each one cost 2–8 ms instead of about 0.4 ms, and set the detector's
 * latency tail (p99 of a 2,000-character message). With pretenuring off, nothing is promoted in
 * the detector's steady state (bench/README.md, "risk", has the figures with and without: p99 6.3–6.7 ms without, 4.5–5.5 ms with, on a quiet machine).
 * Pretenuring helps programs that build large long-lived structures in bursts; a request/response
 * server whose objects live for one request gains nothing from it.
 */
v8.setFlagsFromString('--no-allocation-site-pretenuring');

/**
 * Regular expressions are compiled to machine code the first time they run, not interpreted first.
 * V8 interprets a regexp's first execution and compiles it only when it runs again ("tier-up");
 * with the detector's few hundred patterns, many run once or twice per message and a large part of
 * a message's time went to the interpreter: on 2,000-character messages the same detector took p50
 * 4.7 ms interpreted-first and 4.0 ms compiled at once (paired, quiet machine, session 16;
 * bench/README.md, "risk"). The cost is the compile of every pattern once, at its first use.
 */
v8.setFlagsFromString('--regexp-tier-up-ticks=0');
