/*
 * transcript.c - JSON Lines transcripts of model exchanges (transcript.h).
 */
#include "transcript.h"

#include "cache.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void transcript_request_hash(const llm_request *req, char hash[65])
{
    llm_request_key("", req, hash);
}

int transcript_append(const char *path, const llm_request *req, const llm_answer *ans)
{
    char hash[65];
    transcript_request_hash(req, hash);
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "stage", req->stage ? req->stage : "");
    cJSON_AddStringToObject(j, "candidate", req->candidate ? req->candidate : "");
    cJSON_AddStringToObject(j, "request", hash);
    cJSON *msgs = cJSON_AddArrayToObject(j, "messages");
    for (size_t i = 0; i < req->nmsgs; i++) {
        cJSON *m = cJSON_CreateObject();
        cJSON_AddStringToObject(m, "role", req->msgs[i].role);
        cJSON_AddStringToObject(m, "content", req->msgs[i].content);
        cJSON_AddItemToArray(msgs, m);
    }
    cJSON_AddStringToObject(j, "answer", ans->content ? ans->content : "");
    cJSON_AddNumberToObject(j, "prompt_tokens", (double)ans->prompt_tokens);
    cJSON_AddNumberToObject(j, "completion_tokens", (double)ans->completion_tokens);
    cJSON_AddBoolToObject(j, "cached", ans->cached);
    char *line = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    if (!line) {
        errno = ENOMEM;
        return -1;
    }
    size_t n = strlen(line);
    line[n++] = '\n'; /* replaces the NUL; written with its length */
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    int rc = -1;
    if (fd >= 0) {
        ssize_t w = write(fd, line, n);
        rc = w == (ssize_t)n ? 0 : -1;
        if (close(fd) != 0)
            rc = -1;
    }
    free(line);
    return rc;
}
