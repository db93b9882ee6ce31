/**
 * How Parley launches Debian's Chromium everywhere (browser tests, story tests, benchmarks): its
 * path (or CHROMIUM_PATH), and flags that keep it off the network these machines do not have
 * (without them Chromium's background connections are refused many at a time).
 */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Media tests play real <audio>/<video> without a user gesture.
    '--autoplay-policy=no-user-gesture-required',
  ],
};
