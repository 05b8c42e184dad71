#pragma once
// The station's SQLite records: one named connection per owner and thread, opened for appending
// in WAL mode with synchronous FULL (a row is on disk when the call returns) and a 2 s busy timeout.
//
// Every record (a component: the alarm log, the census record, the readings record) carries its
// schema version in its file's record_schema table. Opening brings it to the newest version this
// program knows, one migration at a time, each in a transaction with its new version (a failed
// step leaves the file as it was); a file written by a newer program is refused, never changed.
// A file from before versioning has no row: its version is 0, and version 1's statements (the
// schema of that time, all "IF NOT EXISTS") take it to 1 without touching its rows.
#include <QString>
#include <functional>
#include <span>
#include <vector>

class QSqlQuery;

namespace ww::sqlite {

// One step of a component's schema: from version to - 1 to version to.
struct Migration
{
    int to = 0;
    std::vector<const char*> sql;
    // Run after sql, in the same transaction (e.g. rows brought over from another file).
    std::function<bool(QSqlQuery& q, QString& error)> run = {};
};

struct Schema
{
    const char* component = "";
    std::span<const Migration> steps; // in order, to = 1, 2, ...
    [[nodiscard]] int latest() const { return steps.empty() ? 0 : steps.back().to; }
};

[[nodiscard]] QString connectionName(const char* owner, const char* purpose);
// Creates the file's folder and the file (mode 0600), opens the connection and migrates schema's component to its latest
// version; false with error set (naming the file) when it cannot, leaving no connection behind.
// fromVersion: the version the file had (0: new, or from before versioning).
bool openForAppend(const QString& path, const QString& connection, const Schema& schema, QString& error,
                   int* fromVersion = nullptr);
// The component's version in the file at path (0: none recorded); -1 with error set when the file
// cannot be read.
[[nodiscard]] int versionOf(const QString& path, const char* component, QString* error = nullptr);
// Runs the prepared statement sql once per row in one transaction, bind(query, row) binding its
// values; false with error set (naming the file) and nothing written when any row fails.
bool insertAll(const QString& path, const QString& connection, const QString& sql, size_t rows,
               const std::function<void(QSqlQuery&, size_t)>& bind, QString& error);
// Closes and removes the connection.
void close(const QString& connection);

} // namespace ww::sqlite
