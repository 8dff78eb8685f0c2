/** Types of `securityHeaders.mjs` (a plain .mjs so `scripts/serve.mjs` can import it with Node alone). */
export declare const CONTENT_SECURITY_POLICY: string;
export declare const SECURITY_HEADERS: Readonly<Record<string, string>>;
export declare const DEV_SERVER_HEADERS: Readonly<Record<string, string>>;
