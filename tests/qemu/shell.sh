#!/bin/bash
# The shell and the utilities on our kernel: pipelines, redirections, &&, $?, background
# jobs, cd, mv and ln, and mounting a virtio ext2 disk with /bin/mount and /bin/umount.
. "$(dirname "$0")/lib.sh"
MKE2FS=$(command -v mke2fs || echo /sbin/mke2fs)

mkdir -p "$TMP/vd"
echo "on the virtio disk" >"$TMP/vd/hello.txt"
"$MKE2FS" -q -t ext2 -b 4096 -d "$TMP/vd" "$TMP/vd.img" 16M >/dev/null

cat >"$TMP/script" <<'SCRIPT'
echo one two | cat | cat
echo redirected > /tmp/out.txt
cat < /tmp/out.txt
echo appended >> /tmp/out.txt
cat /tmp/out.txt
false && echo not-printed
true && echo and-works
false
echo status=$?
cd /etc
pwd
cat motd
sleep 1 &
echo background-started
mkdir /tmp/d
ls /tmp
echo moved-text > /tmp/m1
mv /tmp/m1 /tmp/d
cat /tmp/d/m1
mv /tmp/d/m1 /tmp/m2
ln /tmp/m2 /tmp/hard
ln -s m2 /tmp/soft
ls -l /tmp
cat /tmp/soft
mv /tmp/nothing /tmp/x
echo mv-status=$?
rm /tmp/out.txt
ls /tmp
mount /dev/vda /mnt
cat /mnt/hello.txt
echo written-by-kernel > /mnt/new.txt
umount /mnt
ls /mnt
echo done
SCRIPT

tools/qemu-run --timeout 30 --disk "$TMP/vd.img" --add "$TMP/script:/script.sh" \
	-- /bin/sh /script.sh >"$TMP/log" 2>&1
status=$?
tr -d '\r' <"$TMP/log" >"$TMP/out"
expect_status script_runs_to_the_end "$status" 0
expect_line pipeline_of_three "$TMP/out" "^one two$"
expect_line redirect_out_then_in "$TMP/out" "^redirected$"
expect_line append_redirect "$TMP/out" "^appended$"
expect_line and_and_runs_after_success "$TMP/out" "^and-works$"
if grep -q "not-printed" "$TMP/out"; then not_ok and_and_skips_after_failure "ran after false"; else ok and_and_skips_after_failure; fi
expect_line dollar_question_after_false "$TMP/out" "^status=1$"
expect_line cd_changes_pwd "$TMP/out" "^/etc$"
expect_line relative_path_after_cd "$TMP/out" "^Welcome to the teaching kernel"
expect_line background_job_does_not_block "$TMP/out" "^background-started$"
expect_line mkdir_then_ls "$TMP/out" "^d$"
expect_line mv_into_a_directory "$TMP/out" "^moved-text$"
expect_line ln_makes_a_second_link_with_init_umask_022 "$TMP/out" "^-rw-r--r-- +2 +11 hard$"
expect_line ls_shows_a_symlink_target "$TMP/out" "^lrwxrwxrwx   1 +2 soft -> m2$"
expect_line mv_of_a_missing_file_says_why "$TMP/out" "^mv: /tmp/nothing -> /tmp/x: No such file or directory$"
expect_line mv_failure_status "$TMP/out" "^mv-status=1$"
expect_line mount_virtio_disk_and_read "$TMP/out" "^on the virtio disk$"
expect_line script_reaches_the_end "$TMP/out" "^done$"
DEBUGFS=$(command -v debugfs || echo /sbin/debugfs)
if [[ $("$DEBUGFS" -R "cat /new.txt" "$TMP/vd.img" 2>/dev/null) == written-by-kernel ]]; then
	ok file_written_through_mount_reaches_the_disk
else
	not_ok file_written_through_mount_reaches_the_disk "debugfs cat /new.txt: $("$DEBUGFS" -R "cat /new.txt" "$TMP/vd.img" 2>&1 | tail -1)"
fi
finish
