export declare const BUILD_INPUTS: string[];
export declare const RECORD: string;
export declare function sourceHash(root: string): { hash: string; files: number };
export declare function recordSources(root: string, sources?: { hash: string; files: number }): void;
export declare function staleBuildReason(root: string): string | null;
