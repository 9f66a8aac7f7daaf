export declare const CLIENT_ADDRESS_HEADER: string;
export declare const ALLOWED_METHODS: string[];
export declare function parseTrustedProxyHops(raw: string | undefined): number;
export declare function resolveClientAddress(input: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trustedProxyHops: number }): string;
export declare function refuseRequest(input: { method: string | undefined; url: string | undefined }): { status: number; message: string } | null;
