type Env = Record<string, string | undefined>;
export type Mode = 'github' | 'local' | 'demo';
export declare function decideMode(env?: Env): { mode: Mode; refuse?: undefined } | { refuse: string; mode?: undefined };
export declare function prepareRuntimeEnv(env?: Env): { port: string; host: string; demo: boolean; mode: Mode; banner: string };
export declare function heapLimitMb(env?: Env): number;
export declare function serverNodeOptions(env?: Env): string;
export declare function localSignInLink(env?: Env): string;
export declare function checkLocalToken(
  env?: Env,
  io?: { fetch?: typeof fetch; log?: (line: string) => void; fail?: (line: string) => void },
): Promise<{ ok: boolean; login: string | null; missing: string[] }>;
export declare function whenListening(host: string, port: string | number, timeoutMs?: number): Promise<boolean>;
export declare function redisPolicyWarning(policy: string): string | null;
export declare function checkRedisPolicy(env?: Env, io?: { log?: (line: string) => void; timeoutMs?: number }): Promise<string | null>;
