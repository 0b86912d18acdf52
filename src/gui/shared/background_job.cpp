#include "gui/shared/background_job.h"

#include "app/shared/logging.h"

#include <QElapsedTimer>
#include <QThread>
#include <exception>

namespace doorstep::gui {

BackgroundJob::BackgroundJob(app::Session& session, QObject* parent) : QObject(parent), m_session(session) {}

BackgroundJob::~BackgroundJob()
{
    cancelAndWait();
}

bool BackgroundJob::launch(std::function<void(app::Session&, const JobProgress&)> work,
                           std::function<void(const Error&)> openFailed, std::function<void()> finished)
{
    if (isRunning()) return false;
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    // Progress crosses to this thread as queued signals, at most every 50 ms, and always the last one.
    auto throttle = std::make_shared<QElapsedTimer>();
    auto report = [this, throttle](int stage, int perMille) {
        if (!throttle->isValid() || throttle->elapsed() >= 50 || perMille >= 1000) {
            throttle->restart();
            Q_EMIT progressed(stage, perMille);
        }
    };
    // The worker opens its own connection on its own thread; nothing of this thread's session is touched there.
    auto worker = m_session.openWorkerSession();
    if (!worker) {
        // Handed back like any result: after start() has returned, so the caller has shown it started.
        QMetaObject::invokeMethod(
            this,
            [openFailed = std::move(openFailed), finished = std::move(finished), error = worker.error()] {
                openFailed(error);
                finished();
            },
            Qt::QueuedConnection);
        return true;
    }
    std::shared_ptr<app::Session> session(std::move(*worker));
    const JobProgress progress(report, m_cancelled);
    m_thread = QThread::create([session, progress, work = std::move(work), openFailed] {
        try {
            work(*session, progress);
        } catch (const std::exception& e) {
            app::logger("gui")->error("background work failed: {}", e.what());
            openFailed(fail(ErrorCode::Internal, MessageId{"app.internal_problem"}).error());
        }
    });
    m_thread->setParent(this);  // never outlives the job, which waits for it
    QThread* thread = m_thread;
    connect(thread, &QThread::finished, this, [this, thread, finished = std::move(finished)] {
        thread->deleteLater();
        if (m_thread == thread) {
            m_thread = nullptr;
            Q_EMIT runningChanged(false);
        }
        finished();
    });
    m_thread->start();
    Q_EMIT runningChanged(true);
    return true;
}

void BackgroundJob::cancel()
{
    if (m_cancelled) m_cancelled->store(true);
}

void BackgroundJob::cancelAndWait()
{
    if (!isRunning()) return;
    cancel();
    m_thread->wait();
    // The thread's queued 'finished' still arrives later and hands back the (cancelled) result.
    m_thread = nullptr;
    Q_EMIT runningChanged(false);
}

}  // namespace doorstep::gui
