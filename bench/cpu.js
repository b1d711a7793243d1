// @ts-check
// Where the machine's CPU went during a phase, from Linux's own counters (/proc): the machine's busy
// share of all its cores, and the CPU time of named groups of processes (n8n main, each worker,
// PostgreSQL, Redis, this benchmark with its load generator and mocks). Answers "would one more
// worker help?": not when the cores were already busy.
const fs = require('node:fs');
const os = require('node:os');

/** Linux's clock ticks per second for /proc times (USER_HZ: 100 on every mainstream kernel). */
const TICKS_PER_S = 100;

/**
 * @typedef {{ pid: number, pgrp: number, comm: string }} Proc
 * @typedef {{ label: string, has: (proc: Proc) => boolean }} Group
 * @typedef {{ at: number, busy: number, total: number, ticks: Map<string, number> }} Sample
 */

/** Busy and total ticks of all cores together. */
function machineTicks() {
	const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
	const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
	const busy = user + nice + system + irq + softirq + (steal || 0);
	return { busy, total: busy + idle + iowait };
}

/** @param {string} pid @returns {(Proc & { ticks: number }) | null} */
function readProc(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name is in parentheses and may hold spaces; fields after it are plain.
		const close = stat.lastIndexOf(')');
		const comm = stat.slice(stat.indexOf('(') + 1, close);
		const rest = stat.slice(close + 2).split(' ');
		// rest[0] is field 3 (state): pgrp is field 5, utime 14, stime 15.
		return { pid: Number(pid), pgrp: Number(rest[2]), comm, ticks: Number(rest[11]) + Number(rest[12]) };
	} catch {
		return null; // gone between listing and reading
	}
}

/** @param {Group[]} groups @returns {Sample} */
function sample(groups) {
	const ticks = new Map(groups.map(({ label }) => [label, 0]));
	for (const pid of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(pid)) continue;
		const proc = readProc(pid);
		if (!proc) continue;
		const group = groups.find((g) => g.has(proc));
		if (group) ticks.set(group.label, (ticks.get(group.label) ?? 0) + proc.ticks);
	}
	return { at: performance.now(), ...machineTicks(), ticks };
}

/**
 * Starts counting; `stop()` gives each group's CPU seconds and share of one core over the interval,
 * and the machine's busy share of all its cores. A process that ended in between is not counted.
 * @param {Group[]} groups
 */
function cpuWatch(groups) {
	const start = sample(groups);
	return {
		stop() {
			const end = sample(groups);
			const seconds = (end.at - start.at) / 1000;
			const cores = os.cpus().length;
			return {
				seconds,
				cores,
				machineBusy: end.total > start.total ? (end.busy - start.busy) / (end.total - start.total) : 0,
				groups: groups.map(({ label }) => {
					const cpuS = Math.max(0, ((end.ticks.get(label) ?? 0) - (start.ticks.get(label) ?? 0)) / TICKS_PER_S);
					return { label, cpuS, ofOneCore: seconds > 0 ? cpuS / seconds : 0 };
				}),
			};
		},
	};
}

/** The process groups of an n8n started by N8nServer (each runs detached, in a group of its own). */
function n8nGroups(/** @type {{ child?: { pid?: number } | null, workers?: Array<{ pid?: number }> }} */ server) {
	/** @type {Group[]} */
	const groups = [];
	const main = server.child?.pid;
	if (main) groups.push({ label: 'n8n main', has: (p) => p.pgrp === main });
	(server.workers ?? []).forEach((worker, i) => {
		const pid = worker.pid;
		if (pid) groups.push({ label: `n8n worker ${i + 1}`, has: (p) => p.pgrp === pid });
	});
	return groups;
}

/** The services and this process, beside an n8n's own groups. @param {Group[]} n8n @returns {Group[]} */
function phaseGroups(n8n) {
	return [
		...n8n,
		{ label: 'PostgreSQL', has: (p) => p.comm === 'postgres' },
		{ label: 'Redis', has: (p) => p.comm.startsWith('redis-server') },
		{ label: 'benchmark (load, mocks)', has: (p) => p.pid === process.pid },
	];
}

module.exports = { cpuWatch, n8nGroups, phaseGroups };
