import { createSign } from 'node:crypto';

/** The claims Salesforce's OAuth 2.0 JWT bearer flow reads. */
export interface JwtBearerClaims {
	/** The connected app's consumer key. */
	iss: string;
	/** The Salesforce username the token acts as. */
	sub: string;
	/** https://login.salesforce.com, https://test.salesforce.com or the My Domain URL. */
	aud: string;
	/** Seconds since the epoch; Salesforce accepts at most three minutes ahead. */
	exp: number;
}

export interface JwtBearerInput {
	clientId: string;
	username: string;
	audience: string;
	nowMs: number;
}

/** Salesforce refuses assertions that expire more than three minutes after issue. */
export const JWT_LIFETIME_SECONDS = 180;

export function jwtBearerClaims(input: JwtBearerInput): JwtBearerClaims {
	return {
		iss: input.clientId.trim(),
		sub: input.username.trim(),
		aud: input.audience.trim().replace(/\/+$/, ''),
		exp: Math.floor(input.nowMs / 1000) + JWT_LIFETIME_SECONDS,
	};
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * An RS256 JWT (`header.claims.signature`, base64url) signed with the connected app's private key.
 * A stored PEM often arrives with its line breaks flattened to `\n` text; those are restored.
 */
export function signJwt(claims: JwtBearerClaims, privateKeyPem: string): string {
	const pem = privateKeyPem.trim().replace(/\\n/g, '\n');
	const signingInput = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
	const signature = createSign('RSA-SHA256').update(signingInput).sign(pem);
	return `${signingInput}.${base64url(signature)}`;
}
