// How fast the Portfolio page and the Visit queue page answer at 100,000 loans (issue 8: every filter, sort and
// search in under 100 ms; the portfolio painted within 0.5 s of the login's key derivation). A plain program,
// not a test; run it from a Release build:
//
//   bench_portfolio_view [--loans N] [--db PATH] [--reps R] [--only TEXT]
//
// Makes the demo branch (app::ensureDemoDatabase: the synthetic extract of N loans, default 100,000, imported
// through the real importer, screening included) in a temporary folder, or at PATH when --db is given and keeps
// it there; an existing PATH is opened as it is (made by an earlier run). Key slots use Argon2id at its minimum
// cost, so the login's key derivation takes a few milliseconds and "login" is what follows it.
//
// Everything runs through the real main window and its pages, offscreen: the bench changes a page's own
// controls (a combo box, a check box, the search box followed by Enter, a header's sort indicator) as a person
// would and times the page's handler, which is the models' query and fetch of what the view shows (the search's
// typing delay is skipped, as Enter does), then the repaint of the table (QWidget::grab). Each case runs R times
// (default 5) after its controls are put back to the defaults (untimed); one line per case:
//
//   portfolio  bucket M2                     rows  12,345  handler min/median/max  12.3 / 13.0 / 15.2 ms  paint 4.1 ms
//
// "login" is Session::login as the demo supervisor plus building the main window up to the painted portfolio
// table; then each page of the main window is built on its own, to show where that time goes. --only runs the
// cases whose name holds TEXT (and always the login).
#include "app/portfolio/portfolio_service.h"
#include "app/screening/screening_service.h"
#include "app/shared/branch_setup.h"
#include "app/shared/clock.h"
#include "app/users/login_throttle.h"
#include "app/users/session.h"
#include "gui/appointments/appointments_page.h"
#include "gui/plans/plans_page.h"
#include "gui/portfolio/import_page.h"
#include "gui/portfolio/portfolio_model.h"
#include "gui/portfolio/portfolio_page.h"
#include "gui/screening/visit_queue_page.h"
#include "gui/shared/background_job.h"
#include "gui/shared/change_notifier.h"
#include "gui/shared/main_window.h"
#include "gui/shared/message_box.h"
#include "gui/visits/review_page.h"
#include "gui/visits/visits_page.h"
#include "storage/database/crypto.h"
#include "support/temp_dir.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPixmap>
#include <QTableView>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace doorstep;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

[[noreturn]] void die(const std::string& what)
{
    fmt::print(stderr, "bench_portfolio_view: {}\n", what);
    std::exit(1);
}

template <typename T> T* child(QWidget* parent, const char* name)
{
    auto* w = parent->findChild<T*>(QString::fromLatin1(name));
    if (w == nullptr) die(std::string("no widget ") + name);
    return w;
}

std::string thousands(long long n)
{
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

struct Stats {
    double min = 0, median = 0, max = 0;
};

Stats stats(std::vector<double> v)
{
    std::ranges::sort(v);
    return {v.front(), v[v.size() / 2], v.back()};
}

struct Options {
    std::int64_t loans = 100000;
    std::optional<std::filesystem::path> db;
    int reps = 5;
    std::string only;
};

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) die("usage: bench_portfolio_view [--loans N] [--db PATH] [--reps R] [--only TEXT]");
        const std::string v = argv[++i];
        if (a == "--loans")
            o.loans = std::strtoll(v.c_str(), nullptr, 10);
        else if (a == "--db")
            o.db = v;
        else if (a == "--reps")
            o.reps = std::max(1, std::atoi(v.c_str()));
        else if (a == "--only")
            o.only = v;
        else
            die("unknown option " + a);
    }
    return o;
}

// One case: `reset` puts the page back (untimed), `act` is the person's action (timed with the page's handler),
// then the table repaints (timed apart).
struct Runner {
    const Options& options;
    QTableView* view = nullptr;
    const char* page = "";

    void run(const std::string& name, const std::function<void()>& act, const std::function<void()>& reset)
    {
        if (!options.only.empty() && name.find(options.only) == std::string::npos &&
            std::string(page).find(options.only) == std::string::npos)
            return;
        std::vector<double> handler, paint;
        long long rows = 0;
        for (int r = 0; r < options.reps; ++r) {
            reset();
            QApplication::processEvents();
            auto start = Clock::now();
            act();
            handler.push_back(msSince(start));
            start = Clock::now();
            const QPixmap picture = view->viewport()->grab();
            paint.push_back(msSince(start));
            rows = view->model()->rowCount();
            if (picture.isNull()) die("nothing painted");
        }
        const Stats h = stats(handler);
        const Stats p = stats(paint);
        fmt::print("{:<10} {:<28} rows {:>8}  handler min/median/max {:7.1f} /{:7.1f} /{:7.1f} ms  paint {:5.1f} ms\n",
                   page, name, thousands(rows), h.min, h.median, h.max, p.median);
        std::fflush(stdout);
    }
};

}  // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    const Options options = parse(argc, argv);
    test::TempDir temp;
    // Settings and logs in the temporary folder, never the person's own.
    qputenv("XDG_CONFIG_HOME", (temp.path() / "config").string().c_str());
    qputenv("XDG_DATA_HOME", (temp.path() / "data").string().c_str());
    QApplication application(argc, argv);
    gui::MessageBox::setTestMode(true);
    app::Session::setKdfParamsForNewSlots(storage::KdfParams::minimum());

    const std::filesystem::path db = options.db.value_or(temp.path() / "branch.db");
    {
        const auto start = Clock::now();
        auto made = app::ensureDemoDatabase(db, false, storage::KdfParams::minimum(), options.loans);
        if (!made) die("demo branch: " + made.error().message);
        if (*made)
            fmt::print("made the demo branch of {} loans at {} in {:.1f} s\n", thousands(options.loans), db.string(),
                       msSince(start) / 1000.0);
        else
            fmt::print("opened {}\n", db.string());
    }
    const auto& accounts = app::demoAccounts();
    const auto& supervisor = *std::ranges::find(accounts, Role::Supervisor, &app::DemoAccount::role);
    app::SystemClock clock;
    app::LoginThrottle throttle(clock);

    // --- login to the painted portfolio --------------------------------------------------------------------------
    std::unique_ptr<app::Session> session;
    std::unique_ptr<gui::MainWindow> window;
    {
        std::vector<double> login, build, paint, total;
        long long rows = 0;
        for (int r = 0; r < options.reps; ++r) {
            window.reset();
            session.reset();
            const auto start = Clock::now();
            auto s = app::Session::login(db, supervisor.username, supervisor.password, throttle, clock);
            if (!s) die("login: " + s.error().message);
            session = std::move(*s);
            login.push_back(msSince(start));
            const auto built = Clock::now();
            window = std::make_unique<gui::MainWindow>(*session);
            window->resize(1366, 768);
            window->show();
            auto* table = child<QTableView>(window.get(), "portfolioTable");
            build.push_back(msSince(built));
            const auto painting = Clock::now();
            if (table->viewport()->grab().isNull()) die("nothing painted");
            paint.push_back(msSince(painting));
            total.push_back(msSince(start));
            rows = table->model()->rowCount();
        }
        const Stats l = stats(login), b = stats(build), p = stats(paint), t = stats(total);
        fmt::print("login      session {:.1f} / {:.1f} / {:.1f} ms, main window {:.1f} / {:.1f} / {:.1f} ms, "
                   "paint {:.1f} ms; total min/median/max {:.1f} / {:.1f} / {:.1f} ms ({} rows fetched)\n",
                   l.min, l.median, l.max, b.min, b.median, b.max, p.median, t.min, t.median, t.max, thousands(rows));
        std::fflush(stdout);
    }

    // --- what building each page costs (the main window builds those it shows at once, or all of them) --------
    {
        gui::ChangeNotifier changes(*session);
        gui::BackgroundJob job(*session);
        gui::Workspace workspace{*session, changes, job};
        const auto time = [&](const char* name, auto make) {
            std::vector<double> ms;
            for (int r = 0; r < options.reps; ++r) {
                const auto start = Clock::now();
                std::unique_ptr<QWidget> page(make());
                ms.push_back(msSince(start));
            }
            const Stats s = stats(ms);
            fmt::print("page       {:<28} built in min/median/max {:7.1f} /{:7.1f} /{:7.1f} ms\n", name, s.min,
                       s.median, s.max);
        };
        time("portfolio", [&] { return new gui::PortfolioPage(workspace); });
        time("visit queue", [&] { return new gui::VisitQueuePage(workspace); });
        time("appointments", [&] { return new gui::AppointmentsPage(workspace); });
        time("visits", [&] { return new gui::VisitsPage(workspace); });
        time("plans", [&] { return new gui::PlansPage(workspace); });
        time("review", [&] { return new gui::ReviewPage(workspace); });
        time("import", [&] { return new gui::ImportPage(workspace); });
        // The reads behind the two pages.
        const auto part = [&](const char* name, auto read) {
            std::vector<double> ms;
            for (int r = 0; r < options.reps; ++r) {
                const auto start = Clock::now();
                read();
                ms.push_back(msSince(start));
            }
            const Stats s = stats(ms);
            fmt::print("read       {:<28} min/median/max {:7.1f} /{:7.1f} /{:7.1f} ms\n", name, s.min, s.median, s.max);
        };
        app::PortfolioService portfolioService(*session);
        part("portfolio listing", [&] { (void)portfolioService.listing(); });
        part("portfolio districts", [&] { (void)portfolioService.districts(); });
        part("portfolio officers", [&] { (void)portfolioService.officers(); });
        part("staff names", [&] { (void)app::ScreeningService(*session).staffNames(); });
        const auto listing = portfolioService.listing();
        if (!listing) die("listing");
        auto firstPage = (*listing)->select({}, app::PortfolioSort::Dpd, false);
        firstPage.resize(std::min<std::size_t>(firstPage.size(), gui::PortfolioModel::kPageSize));
        part("portfolio rows of a page", [&] { (void)portfolioService.rows(firstPage); });
        app::QueueFilter everything;
        everything.includeDismissed = true;
        part("visit queue", [&] { (void)app::ScreeningService(*session).queue(everything); });
        std::fflush(stdout);
    }

    // --- the portfolio -----------------------------------------------------------------------------------------
    window->showPage(QStringLiteral("portfolioPage"));
    QApplication::processEvents();
    QWidget* portfolio = child<QWidget>(window.get(), "portfolioPage");
    auto* table = child<QTableView>(portfolio, "portfolioTable");
    auto* search = child<QLineEdit>(portfolio, "portfolioSearch");
    auto* overdue = child<QCheckBox>(portfolio, "overdueOnly");
    auto* leftBook = child<QCheckBox>(portfolio, "leftBookOnly");
    std::vector<QComboBox*> combos;
    for (const char* name : {"bucketFilter", "classFilter", "productFilter", "districtFilter", "officerFilter"})
        combos.push_back(child<QComboBox>(portfolio, name));
    QHeaderView* header = table->horizontalHeader();
    const int defaultSortColumn = header->sortIndicatorSection();
    const Qt::SortOrder defaultSortOrder = header->sortIndicatorOrder();
    const auto resetPortfolio = [&] {
        for (QComboBox* c : combos)
            c->setCurrentIndex(0);
        overdue->setChecked(false);
        leftBook->setChecked(false);
        if (!search->text().isEmpty()) {
            search->clear();
            Q_EMIT search->returnPressed();
        }
        header->setSortIndicator(defaultSortColumn, defaultSortOrder);
    };
    // Real values to search for: the first row's loan and customer numbers and part of its borrower's name,
    // as the default list shows them.
    resetPortfolio();
    QAbstractItemModel* model = table->model();
    const QString loanNo = model->index(0, 0).data().toString();
    const QString name = model->index(0, 1).data().toString();
    Runner runner{options, table, "portfolio"};
    runner.run(
        "overdue only", [&] { overdue->setChecked(true); }, resetPortfolio);
    runner.run(
        "no longer in the book", [&] { leftBook->setChecked(true); }, resetPortfolio);
    const char* comboNames[] = {"bucket", "class", "product", "district", "officer"};
    for (std::size_t c = 0; c < combos.size(); ++c) {
        QComboBox* combo = combos[c];
        // Every bucket, class, product and officer; the districts are many: the first three.
        const int last = c == 3 ? std::min(combo->count() - 1, 3) : combo->count() - 1;
        for (int i = 1; i <= last; ++i) {
            runner.run(
                fmt::format("{} {}", comboNames[c], combo->itemData(i).toString().toStdString()),
                [&] { combo->setCurrentIndex(i); }, resetPortfolio);
        }
    }
    const auto searchFor = [&](const QString& text) {
        return [&, text] {
            search->setText(text);
            Q_EMIT search->returnPressed();
        };
    };
    runner.run("search loan no.", searchFor(loanNo), resetPortfolio);
    runner.run("search loan no. prefix", searchFor(loanNo.left(loanNo.size() - 2)), resetPortfolio);
    // The customer number: open the first row's case? It is not shown in the list; the loan's borrower is found by
    // the start of its customer number, which the synthetic extract makes as C + digits.
    runner.run("search customer no. prefix", searchFor(QStringLiteral("C00012")), resetPortfolio);
    runner.run("search name fragment", searchFor(name.right(2)), resetPortfolio);
    runner.run("search one character", searchFor(name.left(1)), resetPortfolio);
    for (int column = 0; column < model->columnCount(); ++column) {
        if (!gui::PortfolioModel::isSortable(column)) continue;  // masked columns offer no sort
        const std::string title = model->headerData(column, Qt::Horizontal).toString().toStdString();
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            if (column == defaultSortColumn && order == defaultSortOrder) continue;
            runner.run(
                fmt::format("sort {} {}", title, order == Qt::AscendingOrder ? "asc" : "desc"),
                [&] { header->setSortIndicator(column, order); }, resetPortfolio);
        }
    }
    resetPortfolio();

    // --- the visit queue ---------------------------------------------------------------------------------------
    window->showPage(QStringLiteral("visitQueuePage"));
    QApplication::processEvents();
    QWidget* queue = child<QWidget>(window.get(), "visitQueuePage");
    auto* queueTable = child<QTableView>(queue, "queueTable");
    auto* unassigned = child<QCheckBox>(queue, "queueUnassigned");
    QCheckBox* dismissed = nullptr;
    for (auto* box : queue->findChildren<QCheckBox*>()) {
        if (box != unassigned && box->objectName() != QStringLiteral("queueUnassigned") &&
            box->text().contains(QStringLiteral("dismissed"), Qt::CaseInsensitive))
            dismissed = box;
    }
    if (dismissed == nullptr) die("no 'Show dismissed' box");
    std::vector<QComboBox*> queueCombos;
    for (const char* n : {"queueDistrict", "queueBucket", "queueOfficer"})
        queueCombos.push_back(child<QComboBox>(queue, n));
    QHeaderView* queueHeader = queueTable->horizontalHeader();
    const int queueSortColumn = queueHeader->sortIndicatorSection();
    const Qt::SortOrder queueSortOrder = queueHeader->sortIndicatorOrder();
    const auto resetQueue = [&] {
        for (QComboBox* c : queueCombos)
            c->setCurrentIndex(0);
        unassigned->setChecked(false);
        dismissed->setChecked(false);
        queueHeader->setSortIndicator(queueSortColumn, queueSortOrder);
    };
    resetQueue();
    Runner q{options, queueTable, "queue"};
    q.run(
        "show dismissed", [&] { dismissed->setChecked(true); }, resetQueue);
    q.run(
        "unassigned only", [&] { unassigned->setChecked(true); }, resetQueue);
    const char* queueComboNames[] = {"district", "bucket", "officer"};
    for (std::size_t c = 0; c < queueCombos.size(); ++c) {
        QComboBox* combo = queueCombos[c];
        const int last = c == 0 ? std::min(combo->count() - 1, 3) : combo->count() - 1;
        for (int i = 1; i <= last; ++i) {
            q.run(
                fmt::format("{} {}", queueComboNames[c], combo->itemText(i).toStdString()),
                [&] { combo->setCurrentIndex(i); }, resetQueue);
        }
    }
    QAbstractItemModel* queueModel = queueTable->model();
    for (int column = 0; column < queueModel->columnCount(); ++column) {
        const std::string title = queueModel->headerData(column, Qt::Horizontal).toString().toStdString();
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            if (column == queueSortColumn && order == queueSortOrder) continue;
            q.run(
                fmt::format("sort {} {}", title, order == Qt::AscendingOrder ? "asc" : "desc"),
                [&] { queueHeader->setSortIndicator(column, order); }, resetQueue);
        }
    }
    resetQueue();
    window.reset();
    session.reset();
    return 0;
}
