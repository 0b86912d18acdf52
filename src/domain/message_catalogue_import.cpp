// The words of reading the core-banking extract (CSV files, the extract folder), writing a synthetic one and
// importing it.
#include "domain/message_catalogue.h"

#include <array>

namespace doorstep {

std::span<const MessageText> importMessages()
{
    static constexpr std::array rows{
        MessageText{"import.write_failed", "The import could not be written; nothing was changed.",
                    "无法写入导入数据，未做任何改动。"},
        MessageText{"demo.import_failed", "The demo portfolio could not be imported.", "无法导入演示贷款台账。"},
        MessageText{"synthetic.extract_date", "The extract date must be a day of the calendar from 1970 on.",
                    "数据日期必须是 1970 年及以后的有效日期。"},
        MessageText{"synthetic.folder", "Cannot create the folder for the extract.", "无法创建数据文件夹。"},
        MessageText{"synthetic.loan_count", "The number of loans must be from 1 to {max}, not {count}.",
                    "贷款笔数须为 1 至 {max}，当前为 {count}。"},
        MessageText{"csv.quote_not_closed", "a quoted field that starts on this line is never closed",
                    "从此行开始的带引号字段没有结束"},
        MessageText{"csv.no_file", "there is no file {path}", "文件 {path} 不存在"},
        MessageText{"csv.cannot_open", "the file {path} cannot be opened ({reason})",
                    "无法打开文件 {path}（{reason}）"},
        MessageText{"csv.not_readable", "{path} is not a file that can be read", "{path} 不是可读取的文件"},
        MessageText{"csv.read_failed", "reading the file failed ({reason})", "读取文件失败（{reason}）"},
        MessageText{"csv.decode_at", "{problem} at character {column} of this line",
                    "{problem}（此行第 {column} 个字符）"},
        MessageText{"csv.record_too_long",
                    "the record that starts on this line is longer than {max} bytes (is a quote left open?)",
                    "从此行开始的记录超过 {max} 字节（是否有引号未闭合？）"},
        MessageText{"extract.no_folder", "there is no extract folder {folder}", "数据文件夹 {folder} 不存在"},
        MessageText{"extract.missing_file", "the extract folder {folder} has no {file}",
                    "数据文件夹 {folder} 中没有 {file}"},
        MessageText{"extract.missing_files", "the extract folder {folder} has no {files} or {last}",
                    "数据文件夹 {folder} 中没有 {files} 或 {last}"},
        MessageText{"extract.file_unreadable", "{file} cannot be read: {reason}", "无法读取 {file}：{reason}"},
    };
    return rows;
}

}  // namespace doorstep
