/**
 * The words of a problem with an answer, and of the description's length, in the reader's language.
 */
import { msg, str } from '../../../internal/msg.js';
import { countryName } from '../../../internal/names.js';
import { DESCRIPTION_MAX } from '../../../sdk/report-limits.js';
import { PHONE_COUNTRIES, readPhone } from '../../../sdk/phone.js';
import type { Answers } from '../answers.js';
import type { FormContext } from '../context.js';
import type { Problem } from '../validation.js';

export function problemText(c: FormContext, field: keyof Answers, problem: Problem): string {
  if (problem === 'too-long')
    return msg(str`Use ${field === 'description' ? DESCRIPTION_MAX : field === 'name' ? 100 : 200} characters or fewer.`, {
      id: 'rf-use-n-characters-or-fewer',
    });
  switch (field) {
    case 'inDanger':
      return msg('Choose yes or no.', { id: 'rf-choose-yes-or-no' });
    case 'category':
      return msg('Choose what happened.', { id: 'rf-choose-what-happened' });
    case 'description':
      return msg('Describe what happened.', { id: 'rf-describe-what-happened' });
    case 'occurredOn':
      return problem === 'future'
        ? msg('The date cannot be in the future.', { id: 'rf-the-date-cannot-be-in' })
        : msg('Enter a real date, or choose “I don’t know”.', { id: 'rf-enter-a-real-date-or' });
    case 'country':
      return msg('Choose a country.', { id: 'rf-choose-a-country' });
    case 'contact':
      return msg('Choose how the organisation can reach you, or choose to stay anonymous.', { id: 'rf-choose-how-the-organisation-can' });
    case 'contactValue':
      if (problem === 'email') return msg('Enter an email address, like nama@contoh.id.', { id: 'rf-enter-an-email-address-like' });
      return c.host.answers.contactCountry
        ? msg(
            str`This is not a phone number in ${countryName(c.host.answers.contactCountry, c.locale, c.pack)}. Check the number and its country, or write it with the country code, like +62 812 3456 7890.`,
            { id: 'rf-not-a-number-in-country' },
          )
        : msg('Enter a phone number with the country code, like +62 812 3456 7890.', { id: 'rf-enter-a-phone-number-with' });
    case 'contactCountry': {
      const [a, b] = PHONE_COUNTRIES.map((code) => countryName(code, c.locale, c.pack));
      return readPhone(c.host.answers.contactValue).state === 'choose' && (readPhone(c.host.answers.contactValue) as { fits: string[] }).fits.length > 1
        ? msg(str`This number could be from ${a} or from ${b}. Choose the country of this number.`, { id: 'rf-number-fits-both' })
        : msg(
            str`This is not a phone number in ${a} or ${b} as written. Choose the country of this number, or write it with the country code, like +60 12 345 6789.`,
            { id: 'rf-number-fits-none' },
          );
    }
    case 'adult':
      return msg('Say whether you are 18 or older.', { id: 'rf-say-whether-you-are-18' });
    case 'consent':
      return c.host.answers.adult === 'no'
        ? msg('A parent or guardian must tick the box to agree, or the report cannot be sent.', { id: 'rf-a-parent-or-guardian-must' })
        : msg('Tick the box to agree, or the report cannot be sent.', { id: 'rf-tick-the-box-to-agree' });
    default:
      return msg('Check this answer.', { id: 'rf-check-this-answer' });
  }
}

export function countText(c: FormContext): string {
  const left = DESCRIPTION_MAX - c.host.answers.description.trim().length;
  const n = new Intl.NumberFormat(c.locale).format(Math.abs(left));
  // Worded without a plural, so that one number fits every language.
  return left >= 0 ? msg(str`Characters left: ${n}.`, { id: 'rf-count-left' }) : msg(str`Too many characters: ${n}.`, { id: 'rf-count-over' });
}
