/** Why a whole file cannot be imported (encoding, header, size…), with the line when there is one. */
export type FileProblem = { reason: string; line?: number };
