/**
 * The presumptions the facts implement, by id, with the parameters each reads from its policy
 * entry. The policy file (rules/shared/presumptions.yaml) decides which are in force and cites
 * their source; this list only lets the loader check that a declared presumption exists.
 */
export const KNOWN_PRESUMPTIONS: Readonly<Record<string, { implementedBy: string; params: readonly string[] }>> = {
  'persisting-symptoms-after-tried-care': { implementedBy: 'care_failed', params: [] },
  'scheduled-surgery-goes-ahead': { implementedBy: 'associated_surgery_necessary', params: [] },
  'initial-request-is-first-course': { implementedBy: 'first_course, cumulative_visits', params: [] },
  'treatment-list-closed': { implementedBy: 'tried, first_course, cumulative_visits', params: [] },
};
