#pragma once
// The station database's connections (the alarm log and the fridges' record share its file): one
// named connection per owner and thread, opened for appending in WAL mode with synchronous FULL (a
// row is on disk when the call returns) and a 2 s busy timeout, the owner's schema applied.
#include <QString>
#include <functional>
#include <span>

class QSqlQuery;

namespace ww::sqlite {

[[nodiscard]] QString connectionName(const char* owner, const char* purpose);
// Creates the file's folder, opens the connection and runs the schema; false with error set (naming
// the file) when it cannot, leaving no connection behind.
bool openForAppend(const QString& path, const QString& connection, std::span<const char* const> schema, QString& error);
// Runs the prepared statement sql once per row in one transaction, bind(query, row) binding its
// values; false with error set (naming the file) and nothing written when any row fails.
bool insertAll(const QString& path, const QString& connection, const QString& sql, size_t rows,
               const std::function<void(QSqlQuery&, size_t)>& bind, QString& error);
// Closes and removes the connection.
void close(const QString& connection);

} // namespace ww::sqlite
