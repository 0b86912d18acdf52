#pragma once
// Long work off the GUI thread (STYLE.md "Long work in a worker"): an import, a recompute or a screening
// runs on a thread of its own with a session on a second database connection (WAL lets the window keep
// reading), reports progress through queued signals, can be cancelled, and hands its result back on the
// GUI thread. One job at a time per window; no processEvents loops.
#include "app/users/session.h"

#include <QObject>
#include <QPointer>
#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace doorstep::gui {

// Handed to the work: report progress (stage, 0–1000) and learn whether to stop.
class JobProgress final {
public:
    JobProgress(std::function<void(int, int)> report, std::shared_ptr<std::atomic_bool> cancelled)
        : m_report(std::move(report)), m_cancelled(std::move(cancelled))
    {}
    // Returns false once the job was cancelled: the work should stop and roll back.
    bool operator()(int stage, int perMille) const
    {
        m_report(stage, perMille);
        return !m_cancelled->load();
    }
    bool cancelled() const { return m_cancelled->load(); }

private:
    std::function<void(int, int)> m_report;
    std::shared_ptr<std::atomic_bool> m_cancelled;
};

class BackgroundJob final : public QObject {
    Q_OBJECT
public:
    explicit BackgroundJob(app::Session& session, QObject* parent = nullptr);
    ~BackgroundJob() override;  // cancels a running job and waits for it
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;

    bool isRunning() const { return m_thread != nullptr; }

    // Runs `work(session, progress)` on a worker thread and then `done(result)` on this object's thread,
    // unless `context` is gone by then. Returns false (and runs nothing) while another job runs.
    // R is a Result<…>: a worker session that cannot be opened gives its error as the result.
    template <typename R>
    bool start(QObject* context, std::function<R(app::Session&, const JobProgress&)> work, std::function<void(R)> done)
    {
        auto result = std::make_shared<R>(std::unexpect, Error{ErrorCode::Internal, {}});
        return launch([work = std::move(work), result](
                          app::Session& session, const JobProgress& progress) { *result = work(session, progress); },
                      [result](const Error& openError) { *result = std::unexpected(openError); },
                      [context = QPointer<QObject>(context), done = std::move(done), result] {
                          if (context) done(std::move(*result));
                      });
    }

    void cancel();
    void cancelAndWait();

Q_SIGNALS:
    void progressed(int stage, int perMille);
    void runningChanged(bool running);

private:
    bool launch(std::function<void(app::Session&, const JobProgress&)> work,
                std::function<void(const Error&)> openFailed, std::function<void()> finished);

    app::Session& m_session;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled;
};

}  // namespace doorstep::gui
