export declare const LOCAL_REQUIRED_SCOPES: string[];
export declare function parseScopeHeader(header: string | null | undefined): string[];
export declare function missingScopes(granted: string[], required?: string[]): string[];
export declare function missingScopesAdvice(missing: string[], webUrl?: string): { message: string; command: string; then: string } | null;
