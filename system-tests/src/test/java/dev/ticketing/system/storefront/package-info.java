/**
 * The storefront in a real browser: Debian's chromium, headless, driven by Selenium through
 * chromedriver against the platform server (every WAR on one origin, as ./ticketing up runs it).
 * Each test saves a screenshot of every page it visits under target/screenshots/&lt;test&gt;/.
 */
package dev.ticketing.system.storefront;
