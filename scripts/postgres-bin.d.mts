type Env = Record<string, string | undefined>;
export declare function postgresBinDir(env?: Env): string;
export declare function postgresProgram(name: 'initdb' | 'postgres', env?: Env): string;
export declare function postgresAvailable(env?: Env): boolean;
