// SPDX-License-Identifier: MIT
/*
 * sh: a small shell. One line at a time, no control flow; enough to run commands, wire them
 * together and script the tests.
 *
 *   line        := [ list ] [ '#' comment ]
 *   list        := and_or { ( ';' | '&' ) and_or } [ ';' | '&' ]
 *   and_or      := pipeline { ( '&&' | '||' ) pipeline }
 *   pipeline    := command { '|' command }
 *   command     := { word | redirection }
 *   redirection := [n]'<' word | [n]'>' word | [n]'>>' word | [n]'>&' m
 *
 * A word is made of plain characters, '...' (taken literally), "..." (where $ expansions
 * and \" \\ \$ work) and \c (c taken literally). Expansions: $? (status of the last
 * pipeline), $$ (the shell's pid), $! (the last background pid), $# and $0..$9 (the script's
 * arguments), $NAME and ${NAME} (environment variables). A command's words are expanded
 * just before it runs, so `false; echo $?` prints 1; an expanded value is never split into
 * several words.
 *
 * `&` runs the and_or list before it in the background: the shell prints "[job] pid" when
 * interactive, does not wait, and reaps it later (before the next prompt or command),
 * reporting "[job] Done". Builtins: cd [dir], pwd, exit [n], wait, export NAME=value.
 *
 * Usage: sh [-i] [FILE [ARG...] | -c COMMAND [NAME [ARG...]]]. Reads standard input when
 * given neither, with the prompt "# " if it is a terminal (or with -i).
 *
 * The line is handled in three steps: tokenize() cuts it into words and operators (words
 * stay as written, quotes and all), parse() groups them into commands and pipelines, and
 * run_line() runs them, expanding each command's words as it goes.
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_LINE      4096 /* one input line */
#define MAX_POOL      8192 /* one pipeline's words after expansion */
#define MAX_TOKENS    256
#define MAX_ARGS      64 /* words of one command */
#define MAX_REDIRS    8	 /* redirections of one command */
#define MAX_CMDS      32 /* commands on one line */
#define MAX_PIPELINES 32 /* pipelines on one line */
#define MAX_JOBS      16 /* background jobs tracked at once */

enum token_type {
	T_WORD,
	T_SEMI,	  /* ; */
	T_AMP,	  /* & */
	T_AND,	  /* && */
	T_OR,	  /* || */
	T_PIPE,	  /* | */
	T_LESS,	  /* < */
	T_GREAT,  /* > */
	T_DGREAT, /* >> */
	T_DUP,	  /* >& */
	T_END,
};

/* A word as written on the line: text[0..len), quotes and $ still in it. */
struct word {
	const char *text;
	size_t len;
};

struct token {
	enum token_type type;
	struct word word; /* T_WORD */
	int fd;		  /* redirections: the descriptor written before the operator, or -1 */
};

struct redir {
	enum token_type op; /* T_LESS, T_GREAT, T_DGREAT or T_DUP */
	int fd;		    /* the descriptor redirected */
	struct word target; /* a file name, or for T_DUP the descriptor to copy */
	char *path;	    /* target, expanded */
};

struct command {
	struct word words[MAX_ARGS];
	int nwords;
	struct redir redirs[MAX_REDIRS];
	int nredirs;
	char *argv[MAX_ARGS + 1]; /* words, expanded */
};

/* Commands first .. first + n - 1 of cmds[], and how the pipeline is joined to the next:
 * T_AND, T_OR (same and_or list), T_SEMI, T_AMP or T_END (the list ends here). */
struct pipeline {
	int first, n;
	enum token_type next;
};

struct job {
	pid_t pid; /* 0: a free slot */
	char text[48];
};

static struct token tokens[MAX_TOKENS];
static int ntokens;
static struct command cmds[MAX_CMDS];
static int ncmds;
static struct pipeline pipelines[MAX_PIPELINES];
static int npipelines;
static char pool[MAX_POOL];
static size_t pool_used;
static struct job jobs[MAX_JOBS];

static int last_status;	  /* $? */
static pid_t last_bg_pid; /* $! */
static int interactive;
static char **script_args; /* $0, $1 ... */
static int nscript_args;
static const char *cur_line; /* the line being run, for job messages */

static void error(const char *what, const char *detail)
{
	if (detail)
		fprintf(stderr, "sh: %s: %s\n", what, detail);
	else
		fprintf(stderr, "sh: %s\n", what);
}

/* ---- tokenizer ------------------------------------------------------------------------ */

static int is_operator_char(char c)
{
	return c == ';' || c == '&' || c == '|' || c == '<' || c == '>';
}

static int ends_word(char c)
{
	return c == '\0' || c == ' ' || c == '\t' || c == '\n' || is_operator_char(c);
}

/* Reads an operator at *pp into *t and advances past it. */
static void scan_operator(const char **pp, struct token *t)
{
	static const struct {
		const char *text;
		enum token_type type;
	} ops[] = {
	    {"&&", T_AND}, {"||", T_OR},  {">>", T_DGREAT}, {">&", T_DUP},  {";", T_SEMI},
	    {"&", T_AMP},  {"|", T_PIPE}, {"<", T_LESS},    {">", T_GREAT},
	};
	size_t i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		size_t len = strlen(ops[i].text);

		if (strncmp(*pp, ops[i].text, len) == 0) {
			t->type = ops[i].type;
			*pp += len;
			return;
		}
	}
}

/* Finds the end of the word at *pp, stepping over quoted parts, and advances past it.
 * -1 if a quote is not closed. */
static int scan_word(const char **pp, struct token *t)
{
	const char *p = *pp;

	t->type = T_WORD;
	t->word.text = p;
	while (!ends_word(*p)) {
		if (*p == '\'' || *p == '"') {
			char quote = *p++;

			while (*p && *p != quote) {
				if (quote == '"' && *p == '\\' && p[1])
					p++;
				p++;
			}
			if (*p != quote) {
				error(quote == '"' ? "unterminated \"" : "unterminated '", NULL);
				return -1;
			}
		} else if (*p == '\\' && p[1]) {
			p++;
		}
		p++;
	}
	t->word.len = p - t->word.text;
	*pp = p;
	return 0;
}

/* Cuts a line into tokens[], ending with T_END. -1 on an error (message printed). */
static int tokenize(const char *line)
{
	const char *p = line;

	ntokens = 0;
	for (;;) {
		struct token *t = &tokens[ntokens];

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (ntokens == MAX_TOKENS - 1) {
			error("too many words", NULL);
			return -1;
		}
		ntokens++;
		t->fd = -1;
		if (*p == '\0' || *p == '#') {
			t->type = T_END;
			return 0;
		}
		if (isdigit((unsigned char)*p)) {
			/* "2>file": digits right before < or > name the descriptor. */
			const char *q = p;

			while (isdigit((unsigned char)*q))
				q++;
			if (*q == '<' || *q == '>') {
				t->fd = atoi(p);
				p = q;
			}
		}
		if (is_operator_char(*p))
			scan_operator(&p, t);
		else if (scan_word(&p, t) < 0)
			return -1;
	}
}

/* ---- parser ----------------------------------------------------------------------------- */

static const char *token_text(enum token_type type)
{
	static const char *const text[] = {
	    "word", "';'", "'&'", "'&&'", "'||'", "'|'", "'<'", "'>'", "'>>'", "'>&'", "newline",
	};
	return text[type];
}

static int syntax_error(enum token_type near)
{
	fprintf(stderr, "sh: syntax error near %s\n", token_text(near));
	return -1;
}

static int is_redirection(enum token_type type)
{
	return type == T_LESS || type == T_GREAT || type == T_DGREAT || type == T_DUP;
}

static struct command *new_command(void)
{
	return memset(&cmds[ncmds++], 0, sizeof(cmds[0]));
}

/* A command with neither words nor redirections is allowed only as the whole line, or
 * after a final ';' or '&'. */
static int may_end_empty(const struct pipeline *pl)
{
	return pl->n == 1 && (pl == &pipelines[0] || pl[-1].next == T_SEMI || pl[-1].next == T_AMP);
}

/* Builds cmds[] and pipelines[] from tokens[]. -1 on a syntax error (message printed). */
static int parse(void)
{
	struct command *c;
	struct pipeline *pl = &pipelines[0];
	int i;

	ncmds = 0;
	npipelines = 1;
	c = new_command();
	pl->first = 0;
	pl->n = 1;
	for (i = 0; i < ntokens; i++) {
		struct token *t = &tokens[i];

		if (t->type == T_WORD) {
			if (c->nwords == MAX_ARGS) {
				error("too many arguments", NULL);
				return -1;
			}
			c->words[c->nwords++] = t->word;
		} else if (is_redirection(t->type)) {
			struct redir *r = &c->redirs[c->nredirs];

			if (tokens[i + 1].type != T_WORD)
				return syntax_error(tokens[i + 1].type);
			if (c->nredirs == MAX_REDIRS) {
				error("too many redirections", NULL);
				return -1;
			}
			r->op = t->type;
			r->fd = t->fd >= 0 ? t->fd : (t->type == T_LESS ? 0 : 1);
			r->target = tokens[++i].word;
			c->nredirs++;
		} else if (c->nwords == 0 && c->nredirs == 0) {
			if (t->type != T_END || !may_end_empty(pl))
				return syntax_error(t->type);
			npipelines--; /* drop the empty pipeline */
			return 0;
		} else if (t->type == T_END) {
			pl->next = T_END;
			return 0;
		} else if (ncmds == MAX_CMDS || npipelines == MAX_PIPELINES) {
			error("too many commands", NULL);
			return -1;
		} else if (t->type == T_PIPE) {
			c = new_command();
			pl->n++;
		} else { /* ; & && || */
			c = new_command();
			pl->next = t->type;
			pl = &pipelines[npipelines++];
			pl->first = ncmds - 1;
			pl->n = 1;
		}
	}
	return 0;
}

/* ---- expansion ------------------------------------------------------------------------ */

/* Appends to the pool, where expanded words are built. -1 when it is full. */
static int pool_put(const char *s, size_t len)
{
	if (pool_used + len >= MAX_POOL) {
		error("line too long", NULL);
		return -1;
	}
	memcpy(&pool[pool_used], s, len);
	pool_used += len;
	return 0;
}

static int pool_puts(const char *s)
{
	return pool_put(s, strlen(s));
}

static int is_name_char(char c, int first)
{
	return c == '_' || isalpha((unsigned char)c) || (!first && isdigit((unsigned char)c));
}

/*
 * Expands the $ expression at *pp (just past the '$', before end) into the pool and
 * advances *pp past it. A '$' followed by nothing expandable stays a '$'.
 */
static int expand_dollar(const char **pp, const char *end)
{
	const char *p = *pp;
	char num[16], name[64];
	size_t len = 0;
	const char *value;

	if (p == end)
		return pool_puts("$");
	if (strchr("?$!#", *p)) {
		if (*p == '?')
			snprintf(num, sizeof(num), "%d", last_status);
		else if (*p == '$')
			snprintf(num, sizeof(num), "%d", (int)getpid());
		else if (*p == '#')
			snprintf(num, sizeof(num), "%d", nscript_args > 0 ? nscript_args - 1 : 0);
		else if (last_bg_pid)
			snprintf(num, sizeof(num), "%d", (int)last_bg_pid);
		else
			num[0] = '\0';
		*pp = p + 1;
		return pool_puts(num);
	}
	if (isdigit((unsigned char)*p)) {
		int i = *p - '0';

		*pp = p + 1;
		return i < nscript_args ? pool_puts(script_args[i]) : 0;
	}
	if (*p == '{') {
		const char *close = memchr(p, '}', end - p);

		if (close == NULL || close == p + 1 || (size_t)(close - p - 1) >= sizeof(name))
			return pool_puts("$");
		len = close - p - 1;
		memcpy(name, p + 1, len);
		*pp = close + 1;
	} else if (is_name_char(*p, 1)) {
		while (p + len < end && is_name_char(p[len], 0) && len < sizeof(name) - 1) {
			name[len] = p[len];
			len++;
		}
		*pp = p + len;
	} else {
		return pool_puts("$");
	}
	name[len] = '\0';
	value = getenv(name);
	return value ? pool_puts(value) : 0;
}

/* The word with its quotes removed and $ expanded, in the pool; NULL if it is full. */
static char *expand_word(const struct word *w)
{
	const char *p = w->text, *end = w->text + w->len;
	char *start = &pool[pool_used];
	int r = 0;

	while (p < end && r == 0) {
		if (*p == '\'') {
			const char *close = memchr(p + 1, '\'', end - p - 1);

			r = pool_put(p + 1, close - p - 1);
			p = close + 1;
		} else if (*p == '"') {
			for (p++; *p != '"' && r == 0;) {
				if (*p == '\\' && strchr("\"\\$", p[1])) {
					r = pool_put(p + 1, 1);
					p += 2;
				} else if (*p == '$') {
					p++;
					r = expand_dollar(&p, end);
				} else {
					r = pool_put(p++, 1);
				}
			}
			p++;
		} else if (*p == '\\' && p + 1 < end) {
			r = pool_put(p + 1, 1);
			p += 2;
		} else if (*p == '$') {
			p++;
			r = expand_dollar(&p, end);
		} else {
			r = pool_put(p++, 1);
		}
	}
	if (r < 0 || pool_put("", 1) < 0)
		return NULL;
	return start;
}

/* Fills argv[] and the redirections' paths of c. -1 if the pool overflowed. */
static int expand_command(struct command *c)
{
	int i;

	for (i = 0; i < c->nwords; i++) {
		c->argv[i] = expand_word(&c->words[i]);
		if (c->argv[i] == NULL)
			return -1;
	}
	c->argv[c->nwords] = NULL;
	for (i = 0; i < c->nredirs; i++) {
		c->redirs[i].path = expand_word(&c->redirs[i].target);
		if (c->redirs[i].path == NULL)
			return -1;
	}
	return 0;
}

/* ---- builtins --------------------------------------------------------------------------- */

static void reap_jobs(void);

static int builtin_cd(struct command *c)
{
	const char *dir = c->nwords > 1 ? c->argv[1] : getenv("HOME");

	if (dir == NULL)
		dir = "/";
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}

static int builtin_pwd(struct command *c)
{
	char buf[1024];

	(void)c;
	if (getcwd(buf, sizeof(buf)) == NULL) {
		error("pwd", strerror(errno));
		return 1;
	}
	printf("%s\n", buf);
	return 0;
}

static int builtin_exit(struct command *c)
{
	fflush(NULL);
	exit(c->nwords > 1 ? atoi(c->argv[1]) : last_status);
}

/* Waits for every background job, then reports what else has finished. */
static int builtin_wait(struct command *c)
{
	int i;

	(void)c;
	for (i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].pid == 0)
			continue;
		while (waitpid(jobs[i].pid, NULL, 0) < 0 && errno == EINTR)
			;
		jobs[i].pid = 0;
	}
	reap_jobs();
	return 0;
}

static int builtin_export(struct command *c)
{
	int i, status = 0;

	for (i = 1; i < c->nwords; i++) {
		char *eq = strchr(c->argv[i], '=');

		if (eq == NULL)
			continue; /* "export NAME": in the environment already, or nowhere */
		*eq = '\0';
		if (setenv(c->argv[i], eq + 1, 1) < 0) {
			fprintf(stderr, "sh: export: %s: %s\n", c->argv[i], strerror(errno));
			status = 1;
		}
		*eq = '=';
	}
	return status;
}

typedef int builtin_fn(struct command *c);

static builtin_fn *find_builtin(const struct command *c)
{
	static const struct {
		const char *name;
		builtin_fn *run;
	} builtins[] = {
	    {"cd", builtin_cd},	    {"pwd", builtin_pwd},	{"exit", builtin_exit},
	    {"wait", builtin_wait}, {"export", builtin_export},
	};
	size_t i;

	if (c->nwords == 0)
		return NULL;
	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		if (strcmp(c->argv[0], builtins[i].name) == 0)
			return builtins[i].run;
	}
	return NULL;
}

/* ---- running commands ----------------------------------------------------------------- */

/* Opens and installs the redirections of c in this process. -1 if one fails. */
static int apply_redirs(const struct command *c)
{
	int i;

	for (i = 0; i < c->nredirs; i++) {
		const struct redir *r = &c->redirs[i];
		int fd;

		if (r->op == T_DUP) {
			if (dup2(atoi(r->path), r->fd) < 0) {
				error(r->path, strerror(errno));
				return -1;
			}
			continue;
		}
		if (r->op == T_LESS)
			fd = open(r->path, O_RDONLY);
		else if (r->op == T_GREAT)
			fd = open(r->path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		else
			fd = open(r->path, O_WRONLY | O_CREAT | O_APPEND, 0666);
		if (fd < 0) {
			error(r->path, strerror(errno));
			return -1;
		}
		if (fd != r->fd) {
			dup2(fd, r->fd);
			close(fd);
		}
	}
	return 0;
}

/*
 * A builtin run by the shell itself (so that cd and exit affect the shell): its
 * redirections are installed around it and then undone, with copies of the shell's own
 * descriptors kept meanwhile.
 */
static int run_builtin_here(struct command *c, builtin_fn *run)
{
	int saved[MAX_REDIRS];
	int i, status;

	fflush(NULL);
	for (i = 0; i < c->nredirs; i++)
		saved[i] = dup(c->redirs[i].fd); /* -1 if it was closed */
	status = apply_redirs(c) < 0 ? 1 : run(c);
	fflush(NULL);
	for (i = c->nredirs - 1; i >= 0; i--) {
		if (saved[i] >= 0) {
			dup2(saved[i], c->redirs[i].fd);
			close(saved[i]);
		} else {
			close(c->redirs[i].fd);
		}
	}
	return status;
}

/* In a child: redirections, then the builtin or the program. Never returns. */
static void exec_command(struct command *c)
{
	builtin_fn *run = find_builtin(c);
	int err;

	if (apply_redirs(c) < 0)
		_exit(1);
	if (c->nwords == 0)
		_exit(0);
	if (run) {
		int status = run(c);

		fflush(NULL);
		_exit(status);
	}
	execvp(c->argv[0], c->argv);
	err = errno;
	error(c->argv[0], err == ENOENT ? "not found" : strerror(err));
	_exit(err == ENOENT ? 127 : 126);
}

/* A wait status as $? shows it: the exit code, or 128 + the signal that killed it. */
static int status_of(int ws)
{
	if (WIFEXITED(ws))
		return WEXITSTATUS(ws);
	if (WIFSIGNALED(ws))
		return 128 + WTERMSIG(ws);
	return 1;
}

/* Waits for a foreground child; says so if a signal killed it, as other shells do. */
static int wait_for(pid_t pid, int report)
{
	int ws;

	while (waitpid(pid, &ws, 0) < 0) {
		if (errno != EINTR)
			return 127;
	}
	if (report && WIFSIGNALED(ws) && WTERMSIG(ws) != SIGINT && WTERMSIG(ws) != SIGPIPE)
		fprintf(stderr, "%s%s\n", strsignal(WTERMSIG(ws)),
			WCOREDUMP(ws) ? " (core dumped)" : "");
	return status_of(ws);
}

/*
 * Runs a pipeline and waits for it; its status is its last command's. Each command is a
 * child; command i reads the pipe from command i - 1 and writes the pipe to command i + 1.
 */
static int run_pipeline(const struct pipeline *pl)
{
	pid_t pids[MAX_CMDS];
	int prev_read = -1;
	int i, started, status = 0;
	builtin_fn *run;

	pool_used = 0;
	for (i = 0; i < pl->n; i++) {
		if (expand_command(&cmds[pl->first + i]) < 0)
			return 1;
	}
	run = find_builtin(&cmds[pl->first]);
	if (pl->n == 1 && run)
		return run_builtin_here(&cmds[pl->first], run);

	fflush(NULL); /* or the children would write out our buffered output again */
	for (started = 0; started < pl->n; started++) {
		int fds[2] = {-1, -1};
		pid_t pid;

		if (started < pl->n - 1 && pipe(fds) < 0) {
			error("pipe", strerror(errno));
			break;
		}
		pid = fork();
		if (pid == 0) {
			if (prev_read >= 0) {
				dup2(prev_read, 0);
				close(prev_read);
			}
			if (fds[1] >= 0) {
				dup2(fds[1], 1);
				close(fds[1]);
				close(fds[0]);
			}
			exec_command(&cmds[pl->first + started]);
		}
		if (pid < 0)
			error("fork", strerror(errno));
		pids[started] = pid;
		if (prev_read >= 0)
			close(prev_read);
		if (fds[1] >= 0)
			close(fds[1]);
		prev_read = fds[0];
	}
	if (prev_read >= 0)
		close(prev_read);
	for (i = 0; i < started; i++)
		status = pids[i] > 0 ? wait_for(pids[i], i == pl->n - 1) : 1;
	return started == pl->n ? status : 1;
}

/* Runs pipelines[first..last], joined by && and ||; sets $? after each. */
static int run_and_or(int first, int last)
{
	int i;

	for (i = first; i <= last; i++) {
		if (i > first && pipelines[i - 1].next == T_AND && last_status != 0)
			continue;
		if (i > first && pipelines[i - 1].next == T_OR && last_status == 0)
			continue;
		last_status = run_pipeline(&pipelines[i]);
	}
	return last_status;
}

/* ---- background jobs ------------------------------------------------------------------- */

/* Collects every finished background job without waiting, and says so when interactive. */
static void reap_jobs(void)
{
	pid_t pid;
	int ws;

	while ((pid = waitpid(-1, &ws, WNOHANG)) > 0) {
		int n;

		for (n = 0; n < MAX_JOBS && jobs[n].pid != pid; n++)
			;
		if (n == MAX_JOBS)
			continue; /* not one we track (the table was full) */
		jobs[n].pid = 0;
		if (!interactive)
			continue;
		if (WIFSIGNALED(ws))
			fprintf(stderr, "[%d] %s %s\n", n + 1, strsignal(WTERMSIG(ws)),
				jobs[n].text);
		else if (status_of(ws) != 0)
			fprintf(stderr, "[%d] Exit %d %s\n", n + 1, status_of(ws), jobs[n].text);
		else
			fprintf(stderr, "[%d] Done %s\n", n + 1, jobs[n].text);
	}
}

/*
 * Starts pipelines[first..last] without waiting. A lone command is forked and exec'd
 * directly; anything else runs in a forked copy of the shell that exits with its status.
 */
static void run_background(int first, int last)
{
	const struct pipeline *pl = &pipelines[first];
	pid_t pid;
	int n;

	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		error("fork", strerror(errno));
		last_status = 1;
		return;
	}
	if (pid == 0) {
		interactive = 0;
		if (first == last && pl->n == 1) {
			pool_used = 0;
			if (expand_command(&cmds[pl->first]) < 0)
				_exit(1);
			exec_command(&cmds[pl->first]);
		}
		_exit(run_and_or(first, last));
	}
	last_bg_pid = pid;
	last_status = 0;
	for (n = 0; n < MAX_JOBS && jobs[n].pid; n++)
		;
	if (n == MAX_JOBS)
		return; /* untracked: reaped silently */
	jobs[n].pid = pid;
	snprintf(jobs[n].text, sizeof(jobs[n].text), "%s", cur_line);
	jobs[n].text[strcspn(jobs[n].text, "&")] = '\0';
	if (interactive)
		fprintf(stderr, "[%d] %d\n", n + 1, (int)pid);
}

/* ---- lines ------------------------------------------------------------------------------ */

static void run_line(const char *line)
{
	int first = 0, i;

	cur_line = line;
	if (tokenize(line) < 0 || parse() < 0) {
		last_status = 2;
		return;
	}
	for (i = 0; i < npipelines; i++) {
		enum token_type next = pipelines[i].next;

		if (next == T_AND || next == T_OR)
			continue; /* the and_or list goes on */
		reap_jobs();
		if (next == T_AMP)
			run_background(first, i);
		else
			run_and_or(first, i);
		first = i + 1;
	}
}

/* One line from fd, read a byte at a time so that nothing past the newline is consumed
 * (a command run from a script may read the rest of the same input). -1 at the end. */
static int read_line(int fd, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n;
	char c;

	for (;;) {
		n = read(fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || c == '\n')
			break;
		if (len < size - 1)
			buf[len++] = c;
	}
	buf[len] = '\0';
	return (n <= 0 && len == 0) ? -1 : 0;
}

static void run_file(int fd)
{
	static char line[MAX_LINE];

	for (;;) {
		reap_jobs();
		if (interactive) {
			fflush(NULL);
			write(STDERR_FILENO, "# ", 2);
		}
		if (read_line(fd, line, sizeof(line)) < 0)
			break;
		run_line(line);
	}
	if (interactive)
		write(STDERR_FILENO, "\n", 1);
}

/* -c COMMAND: the string may hold several lines. */
static void run_string(const char *s)
{
	static char line[MAX_LINE];

	while (*s) {
		size_t len = strcspn(s, "\n");

		if (len >= sizeof(line))
			len = sizeof(line) - 1;
		memcpy(line, s, len);
		line[len] = '\0';
		run_line(line);
		s += len;
		if (*s == '\n')
			s++;
	}
}

int main(int argc, char **argv)
{
	int force_interactive = 0;
	int i = 1;

	if (i < argc && strcmp(argv[i], "-i") == 0) {
		force_interactive = 1;
		i++;
	}
	interactive = force_interactive;
	if (i < argc && strcmp(argv[i], "-c") == 0) {
		if (i + 1 >= argc) {
			error("-c", "a command is needed");
			return 2;
		}
		script_args = &argv[i + 2];
		nscript_args = argc - (i + 2);
		if (nscript_args == 0) {
			script_args = argv; /* $0 is the shell's own name */
			nscript_args = 1;
		}
		run_string(argv[i + 1]);
	} else if (i < argc) {
		int fd = open(argv[i], O_RDONLY | O_CLOEXEC);

		if (fd < 0) {
			error(argv[i], strerror(errno));
			return 127;
		}
		script_args = &argv[i];
		nscript_args = argc - i;
		run_file(fd);
	} else {
		script_args = argv;
		nscript_args = 1;
		interactive = interactive || isatty(STDIN_FILENO);
		run_file(STDIN_FILENO);
	}
	fflush(NULL);
	return last_status;
}
