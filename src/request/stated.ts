/**
 * Durations and hours a line states, read by the request grammar alone (no catalog needed):
 * "2 month rental" is 60 days, "4 hours a day, 5 days a week" is 20 hours a week.
 */
import { MaskedText } from './masked-text.js';
import { readQuantities } from './quantities.js';

/** No vocabulary: the grammar alone. One object, so its compiled patterns are kept between calls. */
const NO_VOCABULARY = {};

/** Days of use a line states: "2 month rental" = 60, "seven day use" = 7, "for one week" = 7. */
export function statedDays(text: string): number | undefined {
  return readQuantities(new MaskedText(text), NO_VOCABULARY, false).durations[0]?.days.max;
}

/** Hours a week of service a line states; every day when it gives hours a day and no days a week. */
export function statedHoursPerWeek(text: string): number | undefined {
  return readQuantities(new MaskedText(text), NO_VOCABULARY, false).hoursPerWeek;
}
