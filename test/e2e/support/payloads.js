// @ts-check
// Payload builders that need Node built-ins (zlib), for the hostile-input tests.
const zlib = require('node:zlib');

/** A small gzip body that inflates to `megabytes` of JSON-looking text. */
function gzipBomb(megabytes = 200) {
	const chunk = Buffer.alloc(1024 * 1024, 0x20);
	const gz = zlib.createGzip({ level: 9 });
	/** @type {Buffer[]} */
	const parts = [];
	gz.on('data', (d) => parts.push(d));
	gz.write('{"api_key":"x","batch":[');
	for (let i = 0; i < megabytes; i++) gz.write(chunk);
	gz.end(']}');
	return new Promise(/** @param {(b: Buffer) => void} resolve */ (resolve) => gz.on('end', () => resolve(Buffer.concat(parts))));
}

/** @param {unknown} value */
const gzipJson = (value) => zlib.gzipSync(Buffer.from(JSON.stringify(value)));

module.exports = { gzipBomb, gzipJson };
