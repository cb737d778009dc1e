import { addMinutes, format, parseISO } from 'date-fns';

/** Each item's planned start 'HH.mm', running from the meeting's start through the time boxes. */
export function startTimes(meetingStart: string, items: readonly { minutes: number }[]): string[] {
  let at = parseISO(meetingStart);
  return items.map((item) => {
    const time = format(at, 'HH.mm');
    at = addMinutes(at, item.minutes);
    return time;
  });
}
