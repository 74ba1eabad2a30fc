/**
 * Dates as a timeline shows them. Its own module, free of the loader's
 * imports, so the map page's timeline ships no schema or YAML library.
 */
/** "2021-12-19" → "19 Dec 2021", "2021-12" → "Dec 2021", "2021" → "2021". */
export function displayDate(date: string): string {
	const [y, m, d] = date.split('-');
	if (!m) return y!;
	const month = new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-GB', {
		month: 'short',
		timeZone: 'UTC'
	});
	return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
