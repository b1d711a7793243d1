// @ts-check
// The workflow templates as shipped in workflows/.
const fs = require('node:fs');
const path = require('node:path');

const TEMPLATES = path.join(__dirname, '..', '..', 'workflows');

/**
 * One template, parsed fresh (callers may change it).
 * @param {string} file e.g. `posthog-to-hubspot.json`
 * @returns {any}
 */
const readTemplate = (file) => JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'));

/** The file names of every template. @returns {string[]} */
const templateFiles = () => fs.readdirSync(TEMPLATES).filter((file) => file.endsWith('.json')).sort();

module.exports = { readTemplate, templateFiles };
