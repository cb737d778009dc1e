/**
 * What the server gives a laptop that signed in with the kommune's login: its person and device, a session
 * token (shown as the token of every document and API call until `udloeber`) and a renewal secret
 * (exchanged for the next token and secret; the sign-in itself ends at `fornyelseUdloeber`). The same JSON
 * on both sides of `POST /api/login` and `POST /api/login/forny`.
 */
export interface ServerSession {
  personId: string;
  deviceId: string;
  sessionToken: string;
  udloeber: string;
  fornyelse: string;
  fornyelseUdloeber: string;
}
