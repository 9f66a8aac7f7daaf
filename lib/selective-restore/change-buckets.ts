/** The three things a restore does to a record: remove it (added since), bring it back (deleted since), revert it (changed since). */
export const CHANGE_BUCKETS = ["delete", "bringBack", "revert"] as const;
export type ChangeBucket = (typeof CHANGE_BUCKETS)[number];
