type Env = Record<string, string | undefined>;
export declare function prepareRuntimeEnv(env?: Env): { port: string; host: string; demo: boolean; banner: string };
export declare function heapLimitMb(env?: Env): number;
export declare function serverNodeOptions(env?: Env): string;
