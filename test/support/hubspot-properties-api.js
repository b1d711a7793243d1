// @ts-check
'use strict';
// The CRM Properties API (v3) is not in test/fixtures/hubspot-openapi. This OpenAPI fragment is written
// from HubSpot's public documentation of POST /crm/v3/properties/{objectType} and
// GET /crm/v3/properties/{objectType}/{propertyName}, so the mock validates those calls the same way.

const error = { $ref: '#/components/responses/Error' };
const propertyTypes = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'];
const fieldTypes = ['text', 'textarea', 'date', 'file', 'number', 'select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation', 'html', 'phonenumber'];

const spec = {
	openapi: '3.0.1',
	info: { title: 'Properties (from HubSpot documentation, not an official spec file)', version: 'v3' },
	paths: {
		'/crm/v3/properties/{objectType}': {
			post: {
				parameters: [{ name: 'objectType', in: 'path', required: true, schema: { type: 'string' } }],
				requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PropertyCreate' } } } },
				responses: { 201: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Property' } } } }, default: error },
			},
		},
		'/crm/v3/properties/{objectType}/{propertyName}': {
			get: {
				parameters: [
					{ name: 'objectType', in: 'path', required: true, schema: { type: 'string' } },
					{ name: 'propertyName', in: 'path', required: true, schema: { type: 'string' } },
					{ name: 'archived', in: 'query', schema: { type: 'boolean' } },
				],
				responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Property' } } } }, default: error },
			},
		},
	},
	components: {
		responses: {
			Error: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
		},
		schemas: {
			Error: {
				type: 'object',
				required: ['category', 'correlationId', 'message'],
				properties: { category: { type: 'string' }, correlationId: { type: 'string' }, message: { type: 'string' }, status: { type: 'string' } },
			},
			PropertyCreate: {
				type: 'object',
				required: ['name', 'label', 'type', 'fieldType', 'groupName'],
				properties: {
					name: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
					label: { type: 'string' },
					type: { type: 'string', enum: propertyTypes },
					fieldType: { type: 'string', enum: fieldTypes },
					groupName: { type: 'string' },
					description: { type: 'string' },
					hasUniqueValue: { type: 'boolean' },
					hidden: { type: 'boolean' },
					displayOrder: { type: 'integer' },
					formField: { type: 'boolean' },
					options: { type: 'array', items: { type: 'object' } },
				},
			},
			Property: {
				type: 'object',
				required: ['name', 'label', 'type', 'fieldType', 'groupName'],
				properties: {
					name: { type: 'string' },
					label: { type: 'string' },
					type: { type: 'string' },
					fieldType: { type: 'string' },
					groupName: { type: 'string' },
					hasUniqueValue: { type: 'boolean' },
				},
			},
		},
	},
};

module.exports = { propertiesApi: { file: 'properties.v3 (documented, local)', spec } };
