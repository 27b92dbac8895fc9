/* Per 300 ms window: getppid ns/call, a 2 MiB pointer chase ns/load, a register chain ns/step. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1e9+t.tv_nsec;}
#define LINES (2*1024*1024/64)
int main(int argc,char**argv){
  int secs=atoi(argv[1]);
  long *m=aligned_alloc(4096,LINES*64); long *perm=malloc(LINES*sizeof(long));
  for(long i=0;i<LINES;i++)perm[i]=i; srand(42);
  for(long i=LINES-1;i>0;i--){long j=rand()%(i+1);long t=perm[i];perm[i]=perm[j];perm[j]=t;}
  for(long i=0;i<LINES;i++)m[perm[i]*8]=perm[(i+1)%LINES];
  volatile long sink=0; double end=now()+secs*1e9; struct timespec w; clock_gettime(CLOCK_REALTIME,&w);
  while(now()<end){
    double t0=now(); long n=0; while(now()-t0<1e8){for(int k=0;k<1000;k++)sink+=syscall(SYS_getppid);n+=1000;}
    double g=(now()-t0)/n;
    t0=now(); n=0; long at=0; while(now()-t0<1e8){for(int k=0;k<10000;k++)at=m[at*8];n+=10000;} sink+=at;
    double c=(now()-t0)/n;
    t0=now(); n=0; unsigned long x=1; while(now()-t0<1e8){for(int k=0;k<100000;k++)x=x*6364136223846793005UL+1442695040888963407UL;n+=100000;} sink+=x;
    double r=(now()-t0)/n;
    clock_gettime(CLOCK_REALTIME,&w);
    printf("%ld.%03ld %.1f %.2f %.3f\n",(long)w.tv_sec,w.tv_nsec/1000000,g,c,r); fflush(stdout);
  }
  return sink==0;
}
