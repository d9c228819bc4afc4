// The analytics dashboard: logs in through the platform's /api/auth/login (the gateway routes it to
// user-service), keeps the access token in memory only, and draws the admin reports with uPlot.
// Every figure is also text in the DOM (data-testid, data-value = the API's number) for tests and
// screen readers.
(function () {
    'use strict';

    const LIVE_REFRESH_MS = 5000;
    const TOP_PRODUCTS = 10;
    const DAY_MS = 86400000;

    const $ = (id) => document.getElementById(id);
    const state = { token: null, liveTimer: null, load: 0, charts: {} };

    /** A refused call: the HTTP status and the problem's detail. */
    class ApiError extends Error {
        constructor(status, detail) {
            super(detail);
            this.status = status;
        }
    }

    async function call(path, options) {
        const response = await fetch(path, options);
        const type = response.headers.get('Content-Type') || '';
        const body = type.includes('json') ? await response.json() : null;
        if (!response.ok) {
            const detail = body && (body.detail || body.title);
            throw new ApiError(response.status, detail || 'the server answered ' + response.status);
        }
        return body;
    }

    function api(path) {
        return call(path, { headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' } });
    }

    // ---- login and logout

    async function login(event) {
        event.preventDefault();
        const button = $('login-submit');
        button.disabled = true;
        show($('login-error'), '');
        try {
            const tokens = await call('/api/auth/login', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify({ email: $('email').value, password: $('password').value })
            });
            state.token = tokens.accessToken;
            $('password').value = '';
            openDashboard();
        } catch (e) {
            show($('login-error'), e instanceof ApiError ? e.message : 'The login service cannot be reached.');
        } finally {
            button.disabled = false;
        }
    }

    function openDashboard() {
        $('login').hidden = true;
        $('dashboard').hidden = false;
        $('logout').hidden = false;
        loadReports();
        refreshLive();
        state.liveTimer = setInterval(refreshLive, LIVE_REFRESH_MS);
    }

    /** Back to the login form, forgetting the token and every figure shown. */
    function logout(message) {
        state.token = null;
        state.load++;
        clearInterval(state.liveTimer);
        $('dashboard').hidden = true;
        $('logout').hidden = true;
        $('login').hidden = false;
        show($('error'), '');
        show($('login-error'), message || '');
        clearFigures();
    }

    function failed(e) {
        if (!(e instanceof ApiError)) {
            show($('error'), 'The analytics service cannot be reached: ' + e.message);
        } else if (e.status === 401) {
            logout('Your session has ended; please log in again.');
        } else if (e.status === 403) {
            logout('An admin account is needed to see the analytics. Log in with an admin account.');
        } else {
            show($('error'), e.message);
        }
    }

    // ---- reports

    function selection() {
        const days = Number($('range').value);
        const to = new Date(Date.now() - Date.now() % DAY_MS);
        const from = new Date(to.getTime() - (days - 1) * DAY_MS);
        const option = $('currency').selectedOptions[0];
        return { from: isoDay(from), to: isoDay(to), currency: option.value, decimals: Number(option.dataset.decimals) };
    }

    async function loadReports() {
        const load = ++state.load;
        const range = selection();
        const query = 'from=' + range.from + '&to=' + range.to + '&currency=' + range.currency;
        try {
            const [sales, top] = await Promise.all([
                api('/api/analytics/sales?groupBy=day&' + query),
                api('/api/analytics/top-products?limit=' + TOP_PRODUCTS + '&' + query)]);
            if (load !== state.load) {
                return; // a newer selection is on its way
            }
            show($('error'), '');
            $('range-from').textContent = range.from;
            $('range-to').textContent = range.to;
            document.querySelectorAll('.currency-code').forEach((el) => { el.textContent = '(' + range.currency + ')'; });
            renderSales(sales, range);
            renderTop(top, range);
        } catch (e) {
            if (load === state.load) {
                failed(e);
            }
        }
    }

    function renderSales(report, range) {
        const byDay = new Map(report.rows.map((row) => [row.key, row]));
        const days = daysBetween(range.from, range.to);
        const rows = days.map((day) => byDay.get(day) || { key: day, orders: 0, units: 0, revenue: 0 });
        const minorTotal = report.rows.reduce((sum, row) => sum + Math.round(row.revenue * 10 ** range.decimals), 0);
        const total = minorTotal / 10 ** range.decimals;
        money($('sales-total'), total, range, true);
        $('sales-total').dataset.currency = range.currency;
        fillTable($('sales-rows'), 'sales-row', rows, (row) => [text('day', row.key), count('orders', row.orders),
            count('units', row.units), amount('revenue', row.revenue, range)]);
        const x = days.map((day) => Date.parse(day + 'T00:00:00Z') / 1000);
        draw('sales', $('sales-chart'), salesChart(range), [x, rows.map((row) => row.revenue)]);
    }

    function renderTop(report, range) {
        fillTable($('top-rows'), 'top-row', report.rows, (row, i) => [count('rank', i + 1),
            named('product', row.key), count('orders', row.orders), count('units', row.units),
            amount('revenue', row.revenue, range)]);
        $('top-rows').dataset.currency = range.currency;
        const labels = report.rows.map((row) => shortId(row.key));
        draw('top', $('top-chart'), topChart(range, labels),
            [report.rows.map((_, i) => i), report.rows.map((row) => row.revenue)]);
    }

    // ---- live counters

    async function refreshLive() {
        const token = state.token;
        try {
            const live = await api('/api/analytics/live');
            if (token !== state.token) {
                return; // logged out meanwhile
            }
            setNumber($('live-orders'), live.orders);
            money($('live-revenue'), live.revenueEur, { currency: 'EUR', decimals: 2 }, true);
            setNumber($('live-buyers'), live.uniqueBuyers);
            const now = new Date();
            $('live-updated').dateTime = now.toISOString();
            $('live-updated').textContent = now.toLocaleTimeString();
        } catch (e) {
            if (token === state.token) {
                failed(e);
            }
        }
    }

    // ---- charts

    function salesChart(range) {
        return {
            height: 260,
            scales: { x: { time: true }, y: { range: valueRange } },
            tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
            axes: [{}, { size: 60, values: compactValues }],
            series: [
                { label: 'Day', value: (u, ts) => ts == null ? '' : isoDay(new Date(ts * 1000)) },
                { label: 'Revenue ' + range.currency, stroke: '#2563eb', fill: 'rgba(37, 99, 235, 0.12)', width: 2,
                    points: { size: 5 }, value: (u, v) => v == null ? '' : plain(v, range.decimals) }
            ]
        };
    }

    function topChart(range, labels) {
        const n = labels.length;
        return {
            height: 260,
            padding: [null, 28, null, null],
            scales: { x: { time: false, range: () => [-0.5, Math.max(n, 1) - 0.5] },
                y: { range: valueRange } },
            axes: [
                { splits: () => labels.map((_, i) => i), values: (u, splits) => splits.map((i) => labels[i] || ''),
                    grid: { show: false }, rotate: n > 5 ? -40 : 0, size: n > 5 ? 70 : 40 },
                { size: 60, values: compactValues }
            ],
            series: [
                { label: 'Product', value: (u, i) => i == null ? '' : labels[i] || '' },
                { label: 'Revenue ' + range.currency, fill: '#16a34a', stroke: '#15803d',
                    paths: uPlot.paths.bars({ size: [0.6, 80] }), points: { show: false },
                    value: (u, v) => v == null ? '' : plain(v, range.decimals) }
            ]
        };
    }

    /** Axis ticks as 0, 500, 20K, 1.5M: the exact figures are in the tables and the legend. */
    function compactValues(u, splits) {
        const format = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
        return splits.map((v) => format.format(v));
    }

    /** From zero (or below, when cancellations make a day negative) to a little above the highest value. */
    function valueRange(u, min, max) {
        return [Math.min(0, min), max > 0 ? max * 1.1 : 1];
    }

    function draw(name, element, options, data) {
        if (state.charts[name]) {
            state.charts[name].destroy();
        }
        options.width = chartWidth(element);
        state.charts[name] = new uPlot(options, data, element);
    }

    function chartWidth(element) {
        return Math.max(240, element.clientWidth || element.parentElement.clientWidth);
    }

    function resizeCharts() {
        Object.entries(state.charts).forEach(([name, chart]) => {
            chart.setSize({ width: chartWidth($(name + '-chart')), height: chart.height });
        });
    }

    // ---- DOM helpers

    function fillTable(tbody, testId, rows, cells) {
        tbody.replaceChildren(...rows.map((row, i) => {
            const tr = document.createElement('tr');
            tr.dataset.testid = testId;
            tr.append(...cells(row, i));
            return tr;
        }));
    }

    function text(name, value) {
        const td = document.createElement('td');
        td.dataset.testid = name;
        td.textContent = value;
        return td;
    }

    /** A name cell that a narrow screen may cut short: the whole name stays in the text and the tooltip. */
    function named(name, value) {
        const td = text(name, value);
        td.title = value;
        return td;
    }

    function count(name, value) {
        const td = text(name, String(value));
        td.dataset.value = String(value);
        td.className = 'num';
        return td;
    }

    function amount(name, value, range) {
        const td = text(name, '');
        money(td, value, range, false);
        td.className = 'num';
        return td;
    }

    /** Plain digits with the currency's decimals in data-value; with the symbol and grouping when pretty. */
    function money(element, value, range, pretty) {
        element.dataset.value = plain(value, range.decimals);
        element.textContent = pretty ? new Intl.NumberFormat(undefined, { style: 'currency', currency: range.currency,
            minimumFractionDigits: range.decimals, maximumFractionDigits: range.decimals }).format(value)
            : element.dataset.value;
    }

    function setNumber(element, value) {
        element.dataset.value = String(value);
        element.textContent = new Intl.NumberFormat().format(value);
    }

    function clearFigures() {
        ['live-orders', 'live-revenue', 'live-buyers', 'sales-total'].forEach((id) => {
            $(id).textContent = '';
            delete $(id).dataset.value;
        });
        $('live-updated').textContent = 'never';
        $('sales-rows').replaceChildren();
        $('top-rows').replaceChildren();
        Object.values(state.charts).forEach((chart) => chart.destroy());
        state.charts = {};
    }

    function show(element, message) {
        element.textContent = message;
        element.hidden = !message;
    }

    function plain(value, decimals) {
        return Number(value).toFixed(decimals);
    }

    function shortId(id) {
        return id.length > 8 ? '…' + id.slice(-6) : id;
    }

    function isoDay(date) {
        return date.toISOString().slice(0, 10);
    }

    function daysBetween(from, to) {
        const days = [];
        for (let t = Date.parse(from + 'T00:00:00Z'); t <= Date.parse(to + 'T00:00:00Z'); t += DAY_MS) {
            days.push(isoDay(new Date(t)));
        }
        return days;
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('login-form').addEventListener('submit', login);
        $('logout').addEventListener('click', () => logout());
        $('range').addEventListener('change', loadReports);
        $('currency').addEventListener('change', loadReports);
        let resizing;
        window.addEventListener('resize', () => {
            clearTimeout(resizing);
            resizing = setTimeout(resizeCharts, 150);
        });
    });
}());
